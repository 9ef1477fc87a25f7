package io.modyn.api.model;

/** The declared scalar type ({@code S}, {@code N} or {@code B}) of a key attribute. */
public record AttributeDefinition(String attributeName, String attributeType) {
}
