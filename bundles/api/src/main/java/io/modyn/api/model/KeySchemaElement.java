package io.modyn.api.model;

/** One element of a key schema: an attribute name and its role, {@code HASH} or {@code RANGE}. */
public record KeySchemaElement(String attributeName, String keyType) {

    public static final String HASH = "HASH";
    public static final String RANGE = "RANGE";

    public boolean isHash() { return HASH.equals(keyType); }
}
