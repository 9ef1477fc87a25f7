package io.modyn.api.model;

/**
 * A request's {@code SSESpecification} (CreateTable, UpdateTable): whether the table is encrypted
 * with a KMS key rather than the owned key, and which one. Unset members are null; a null
 * {@code kmsMasterKeyId} with encryption enabled means the AWS managed key
 * ({@code alias/aws/dynamodb}).
 *
 * @param enabled the request's {@code Enabled}
 * @param sseType the request's {@code SSEType} ({@code KMS}; DynamoDB refuses {@code AES256})
 * @param kmsMasterKeyId a key id, key ARN, alias name or alias ARN
 */
public record SseSpecification(Boolean enabled, String sseType, String kmsMasterKeyId) {
}
