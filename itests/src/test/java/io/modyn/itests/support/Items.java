package io.modyn.itests.support;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds items from a key and attributes, so tests can state the item they expect in one line. */
public final class Items {

    private Items() {
    }

    /** The attributes of {@code key} and {@code attributes} together (the latter win on a clash). */
    public static Map<String, AttributeValue> merged(Map<String, AttributeValue> key, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        item.putAll(attributes);
        return item;
    }
}
