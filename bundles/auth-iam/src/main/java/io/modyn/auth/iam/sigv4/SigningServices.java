package io.modyn.auth.iam.sigv4;

import io.modyn.api.auth.SignedRequest;
import java.util.List;

/**
 * The service name a request's credential scope must carry, as AWS derives it from the endpoint:
 * {@code dynamodb} for the DynamoDB and DynamoDB Streams APIs (both sign as {@code dynamodb}),
 * {@code kms} for KMS ({@code TrentService.*}), {@code iam} or {@code sts} for the Query APIs
 * that carry no {@code X-Amz-Target}, and {@value #ADMIN_SERVICE} for the operator's endpoints, which
 * AWS has no name for: admin (bundle io.modyn.admin, paths under {@value #ADMIN_PATH}) and metrics
 * (bundle io.modyn.metrics, {@value #METRICS_PATH}, each on a port of its own).
 */
public final class SigningServices {

    private static final List<String> DYNAMODB = List.of("dynamodb");
    private static final List<String> KMS = List.of("kms");
    private static final List<String> QUERY_APIS = List.of("iam", "sts");
    /** What {@code bin/modyn-admin} signs for: {@code curl --aws-sigv4 aws:amz:<region>:modyn}. */
    public static final String ADMIN_SERVICE = "modyn";
    static final String ADMIN_PATH = "/bundles";
    static final String METRICS_PATH = "/metrics";
    private static final List<String> ADMIN = List.of(ADMIN_SERVICE);

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
        if (!target.isEmpty()) {
            return DYNAMODB;
        }
        String path = request.path();
        return path.equals(ADMIN_PATH) || path.startsWith(ADMIN_PATH + "/") || path.equals(METRICS_PATH) ? ADMIN : QUERY_APIS;
    }
}
