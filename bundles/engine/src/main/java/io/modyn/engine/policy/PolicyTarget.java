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
 * Unlike the tagging operations, these refuse an ARN of another region, partition or account with
 * messages of their own (observed).
 *
 * @param streamLabel null for a table
 */
public record PolicyTarget(String arn, String tableName, String streamLabel) {

    private static final int MAX_ARN_LENGTH = 1283;
    private static final String STREAM = "/stream/";

    public boolean isStream() {
        return streamLabel != null;
    }

    /** How DynamoDB's messages name the resource: "table Music", "stream 2026-01-01T00:00:00.000". */
    String describe() {
        return isStream() ? "stream " + streamLabel : "table " + tableName;
    }

    /** The target of a ResourceArn, refusing what DynamoDB refuses; whether it exists is the caller's question. */
    public static PolicyTarget parse(String arn, EngineSettings settings) {
        new ConstraintViolations().notNull("resourceArn", arn).throwIfAny();
        new ConstraintViolations().lengthAtLeast("resourceArn", arn, 1).lengthAtMost("resourceArn", arn, MAX_ARN_LENGTH).throwIfAny();
        String[] parts = arn.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("dynamodb")) {
            // Another partition or region names no resource here; another account is refused as not the caller's.
            if (!parts[1].equals("aws") || !parts[3].equals(settings.region())) {
                throw DynamoException.validation("One or more parameter values were invalid: Invalid resource Arn: " + arn);
            }
            if (!parts[4].equals(settings.accountId())) {
                throw DynamoException.validation("This action is only supported by accounts that match the resource owner\u2019s account.");
            }
        }
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
