package io.modyn.api.dynamodb;

import java.util.Map;

/** Unset members are null; {@code requestItems} keeps the order of the request. */
public record BatchGetItemRequest(Map<String, KeysAndAttributes> requestItems, String returnConsumedCapacity) {
}
