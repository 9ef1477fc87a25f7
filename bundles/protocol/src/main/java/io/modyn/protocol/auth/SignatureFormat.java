package io.modyn.protocol.auth;

import io.modyn.api.auth.SignedRequest;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that a SigV4 signature is complete and well-formed, without verifying it: what DynamoDB
 * checks before it looks at keys, with its {@code IncompleteSignatureException} messages. Used when
 * no {@link io.modyn.api.auth.Authenticator} is bound, so that local clients may sign with any
 * credentials while malformed signatures still fail as they would against DynamoDB.
 */
final class SignatureFormat {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** Compiled once: {@code String.split} with a regex of more than one character compiles it on every call. */
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[, ]+");
    private static final List<String> HEADER_PARAMETERS = List.of("Credential", "Signature", "SignedHeaders");
    private static final List<String> QUERY_PARAMETERS =
            List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");

    private SignatureFormat() {
    }

    /** Checks an {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} header. */
    static void checkHeader(String authorization, SignedRequest request) {
        String[] tokens = TOKEN_SEPARATORS.split(authorization.trim());
        Map<String, String> parameters = new HashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int equals = tokens[i].indexOf('=');
            if (equals > 0) {
                parameters.put(tokens[i].substring(0, equals), tokens[i].substring(equals + 1));
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String name : HEADER_PARAMETERS) {
            if (parameters.getOrDefault(name, "").isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (request.headers("X-Amz-Date").isEmpty() && request.headers("Date").isEmpty()) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw incomplete(missing + "Authorization=" + authorization);
        }
        checkAlgorithm(tokens[0]);
        checkCredential(parameters.get("Credential"));
    }

    /** Checks a presigned request's {@code X-Amz-*} query parameters. */
    static void checkQuery(Map<String, String> query) {
        StringBuilder missing = new StringBuilder();
        for (String name : QUERY_PARAMETERS) {
            if (query.getOrDefault(name, "").isEmpty()) {
                missing.append("AWS query-string parameters must include '").append(name).append("'. ");
            }
        }
        if (missing.length() > 0) {
            throw incomplete(missing + "Re-examine the query-string parameters.");
        }
        checkAlgorithm(query.get("X-Amz-Algorithm"));
        checkCredential(query.get("X-Amz-Credential"));
    }

    private static void checkAlgorithm(String algorithm) {
        if (!ALGORITHM.equals(algorithm)) {
            throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "' (only " + ALGORITHM + " for now). ");
        }
    }

    /** keyid/date/region/service/aws4_request; DynamoDB ignores trailing slashes. */
    private static void checkCredential(String credential) {
        int end = credential.length();
        while (end > 0 && credential.charAt(end - 1) == '/') end--;
        String scope = credential.substring(0, end);
        if (scope.split("/", -1).length != 5) {
            throw incomplete("Credential must have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term, got '" + scope + "'");
        }
    }

    private static DynamoException incomplete(String message) {
        return new DynamoException(ErrorType.INCOMPLETE_SIGNATURE, message);
    }
}
