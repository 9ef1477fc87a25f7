package io.modyn.protocol.auth;

import java.util.Map;

/**
 * The service a SigV4 credential scope names ({@code AKID/20240101/us-east-1/sts/aws4_request}),
 * read without verifying anything: Query-protocol APIs carry no {@code X-Amz-Target}, so the scope
 * is what tells an STS request from an IAM one on a shared endpoint, as AWS's own endpoints are
 * told apart by host name. The signature itself is verified later, for that same scope.
 */
public final class CredentialScopes {

    private static final String CREDENTIAL = "Credential=";

    private CredentialScopes() {
    }

    /** The scope's service from the Authorization header, else from a presigned {@code X-Amz-Credential}; null if neither has one. */
    public static String service(String authorization, String rawQuery) {
        if (authorization != null) {
            int start = authorization.indexOf(CREDENTIAL);
            if (start < 0) {
                return null;
            }
            start += CREDENTIAL.length();
            int end = authorization.indexOf(',', start);
            return serviceOf(authorization.substring(start, end < 0 ? authorization.length() : end).trim());
        }
        Map<String, String> query = QueryParameters.parse(rawQuery);
        return serviceOf(query.get("X-Amz-Credential"));
    }

    /** keyid/date/region/service/aws4_request: the last but one element (a key id may itself hold a slash). */
    private static String serviceOf(String credential) {
        if (credential == null) {
            return null;
        }
        String[] parts = credential.split("/", -1);
        return parts.length >= 5 && !parts[parts.length - 2].isEmpty() ? parts[parts.length - 2] : null;
    }
}
