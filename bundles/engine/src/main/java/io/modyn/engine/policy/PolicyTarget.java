package io.modyn.engine.policy;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.control.TableArns;
import io.modyn.engine.stream.StreamResources;
import io.modyn.engine.validation.ConstraintViolations;

/**
 * The resource a ResourceArn of the resource-policy operations names: a table, or one of its
 * streams ({@code table/<name>/stream/<label>}). An index carries no policy of its own (its table's
 * governs it), so an index ARN is refused as DynamoDB refuses it, "only table or stream is accepted".
 *
 * @param streamLabel null for a table
 */
public record PolicyTarget(String arn, String tableName, String streamLabel) {

    private static final int MAX_ARN_LENGTH = 1283;
    private static final String STREAM = "/stream/";

    public boolean isStream() {
        return streamLabel != null;
    }

    /** How DynamoDB's revision messages name the resource: "table Music", "stream 2026-...". */
    String describe() {
        return isStream() ? "stream " + arn : "table " + tableName;
    }

    /** The target of a ResourceArn, refusing what DynamoDB refuses; whether it exists is the caller's question. */
    public static PolicyTarget parse(String arn, EngineSettings settings) {
        new ConstraintViolations().notNull("resourceArn", arn).throwIfAny();
        new ConstraintViolations().lengthAtLeast("resourceArn", arn, 1).lengthAtMost("resourceArn", arn, MAX_ARN_LENGTH).throwIfAny();
        int stream = arn.indexOf(STREAM);
        if (stream < 0) return new PolicyTarget(arn, TableArns.tableName(arn, settings), null);
        String tableName = TableArns.tableName(arn.substring(0, stream), settings);
        String label = arn.substring(stream + STREAM.length());
        if (!StreamResources.isLabel(label)) {
            throw DynamoException.validation("Invalid StreamArn: Invalid ResourceArn provided as input " + arn);
        }
        return new PolicyTarget(arn, tableName, label);
    }
}
