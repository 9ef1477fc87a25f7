package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;

/** One entry of the legacy {@code AttributeUpdates} map: an action (PUT, ADD, DELETE) and its value. */
public record AttributeValueUpdate(AttributeValue value, String action) {
}
