package io.modyn.engine.control;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.validation.ConstraintViolations;
import java.util.regex.Pattern;

/**
 * Reads the table name out of the ResourceArn of the tagging operations, refusing what DynamoDB
 * refuses with its messages: a string that is no ARN, an ARN of another service or of something
 * that is not a table (an index, a backup), another region or account, a malformed table name.
 */
public final class TableArns {

    private static final int MAX_ARN_LENGTH = 1283;
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final String TABLE_RESOURCE = "table/";

    private TableArns() {
    }

    /** DynamoDB checks that a ResourceArn is there before it checks any other member. */
    public static void checkPresent(String arn) {
        if (arn == null) throw DynamoException.validation("Invalid TableArn");
    }

    /** The name of the table the ARN names; whether that table exists is the caller's question. */
    public static String tableName(String arn, EngineSettings settings) {
        checkPresent(arn);
        new ConstraintViolations().lengthAtLeast("resourceArn", arn, 1).lengthAtMost("resourceArn", arn, MAX_ARN_LENGTH).throwIfAny();
        if (!arn.startsWith("arn:")) {
            throw DynamoException.validation("One or more parameter values were invalid: ARNs must start with 'arn:': " + arn);
        }
        // arn:partition:service:region:account:resource
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("dynamodb") || !parts[5].startsWith(TABLE_RESOURCE)) throw invalid(arn);
        if (!parts[3].equals(settings.region())) throw DynamoException.validation("1 validation error detected: Invalid AWS region in '" + arn + "'");
        if (!parts[4].equals(settings.accountId())) throw new DynamoException(ErrorType.ACCESS_DENIED, "Access is denied");
        String resource = parts[5].substring(TABLE_RESOURCE.length());
        int slash = resource.indexOf('/');
        if (slash >= 0) throw notATable(arn, resource.substring(slash + 1));
        if (!TABLE_NAME.matcher(resource).matches()) throw invalid(arn);
        return resource;
    }

    /** The error for an ARN whose table does not exist (note: not the message of the table operations). */
    public static DynamoException notFound(String arn) {
        return DynamoException.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
    }

    private static DynamoException notATable(String arn, String subResource) {
        if (subResource.startsWith("index/")) {
            return DynamoException.validation("One or more parameter values were invalid: Invalid resource arn provided, "
                    + "only table or stream is accepted. Provided resource arn: " + arn);
        }
        if (subResource.startsWith("backup/")) {
            return DynamoException.validation("One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: " + arn);
        }
        // Streams can be tagged in DynamoDB, but Modyn keeps no stream tags: to a client, that stream has no taggable resource.
        if (subResource.startsWith("stream/")) return notFound(arn);
        return invalid(arn);
    }

    private static DynamoException invalid(String arn) {
        return DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
}
