package io.modyn.auth.iam.sigv4;

import io.modyn.api.auth.SignedRequest;
import java.util.List;

/**
 * The service name a request's credential scope must carry, as AWS derives it from the endpoint:
 * {@code dynamodb} for the DynamoDB and DynamoDB Streams APIs (both sign as {@code dynamodb}),
 * {@code kms} for KMS ({@code TrentService.*}), and {@code iam} or {@code sts} for the Query APIs
 * that carry no {@code X-Amz-Target}.
 */
public final class SigningServices {

    private static final List<String> DYNAMODB = List.of("dynamodb");
    private static final List<String> KMS = List.of("kms");
    private static final List<String> QUERY_APIS = List.of("iam", "sts");

    private SigningServices() {
    }

    /** The accepted service names, the one to name in an error first. */
    public static List<String> accepted(SignedRequest request) {
        List<String> targets = request.headers("X-Amz-Target");
        String target = targets.isEmpty() ? "" : targets.get(0);
        if (target.startsWith("DynamoDB_") || target.startsWith("DynamoDBStreams_")) {
            return DYNAMODB;
        }
        if (target.startsWith("TrentService.")) {
            return KMS;
        }
        return target.isEmpty() ? QUERY_APIS : DYNAMODB;
    }
}
