package io.modyn.api.model;

/** A table's stream setting: whether it is on and what each record shows (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES). */
public record StreamSpecification(Boolean streamEnabled, String streamViewType) {
}
