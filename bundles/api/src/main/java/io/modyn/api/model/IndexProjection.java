package io.modyn.api.model;

import java.util.List;

/** Which attributes a secondary index holds: KEYS_ONLY, INCLUDE (with NonKeyAttributes) or ALL. */
public record IndexProjection(String projectionType, List<String> nonKeyAttributes) {

    public static final String KEYS_ONLY = "KEYS_ONLY";
    public static final String INCLUDE = "INCLUDE";
    public static final String ALL = "ALL";

    public IndexProjection {
        nonKeyAttributes = nonKeyAttributes == null ? null : List.copyOf(nonKeyAttributes);
    }
}
