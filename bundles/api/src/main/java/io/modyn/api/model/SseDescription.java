package io.modyn.api.model;

import java.time.Instant;

/**
 * A table's {@code SSEDescription} as DescribeTable reports it for a table encrypted with a KMS key
 * (tables under the owned key have none).
 *
 * @param status {@code ENABLING}, {@code ENABLED} or {@code UPDATING}
 * @param sseType {@code KMS}
 * @param kmsMasterKeyArn the ARN of the table's KMS key
 * @param inaccessibleEncryptionDateTime when the key was found unusable (disabled, pending deletion,
 *     deleted), null while it is usable
 */
public record SseDescription(String status, String sseType, String kmsMasterKeyArn, Instant inaccessibleEncryptionDateTime) {

    public static final String ENABLING = "ENABLING";
    public static final String ENABLED = "ENABLED";
    public static final String UPDATING = "UPDATING";
    public static final String KMS = "KMS";
}
