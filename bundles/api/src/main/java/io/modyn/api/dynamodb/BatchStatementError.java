package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

/**
 * Why one statement of a BatchExecuteStatement failed: DynamoDB's short code ({@code ValidationError},
 * {@code ConditionalCheckFailed}, {@code DuplicateItem}, {@code ResourceNotFound}, ...) and message;
 * {@code item} is null unless returned. Since 1.7.
 */
public record BatchStatementError(String code, String message, Map<String, AttributeValue> item) {
}
