package io.modyn.auth.iam.sigv4;

import io.modyn.api.auth.SignedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a request says about its signature, from the {@code Authorization} header or, when
 * presigned, from its {@code X-Amz-*} query parameters. Reading them refuses incomplete signatures
 * with DynamoDB's {@code IncompleteSignatureException} messages; whether they are right is the
 * {@link SigV4Verifier}'s question.
 *
 * @param expires how long a presigned request stays valid ({@code X-Amz-Expires}), or null
 */
record SignatureParameters(boolean presigned, String algorithm, String credential, String signedHeaders,
                           String signature, String dateText, Instant signedAt, String securityToken,
                           Duration expires, QueryString query) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private static final List<String> HEADER_PARAMETERS = List.of("Credential", "Signature", "SignedHeaders");
    private static final List<String> QUERY_PARAMETERS =
            List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");
    /** AWS's longest presigned validity, seven days. */
    private static final long MAX_EXPIRES_SECONDS = 7 * 24 * 3600;

    static SignatureParameters read(SignedRequest request) {
        QueryString query = QueryString.parse(request.query());
        List<String> authorizations = request.headers("Authorization");
        if (authorizations.isEmpty() && query.get("X-Amz-Algorithm") != null) {
            return fromQuery(request, query);
        }
        return fromHeader(request, authorizations.isEmpty() ? "" : authorizations.get(0), query);
    }

    /** {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} */
    private static SignatureParameters fromHeader(SignedRequest request, String authorization, QueryString query) {
        String[] tokens = authorization.trim().split("[, ]+");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int equals = tokens[i].indexOf('=');
            if (equals < 0) {
                throw SignatureErrors.missingEqualSign(tokens[i], authorization);
            }
            parameters.putIfAbsent(tokens[i].substring(0, equals), tokens[i].substring(equals + 1));
        }
        String amzDate = first(request, "X-Amz-Date");
        String httpDate = first(request, "Date");
        StringBuilder missing = new StringBuilder();
        for (String name : HEADER_PARAMETERS) {
            if (parameters.getOrDefault(name, "").isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (amzDate == null && httpDate == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw SignatureErrors.incomplete(missing + "Authorization=" + authorization);
        }
        String dateText = amzDate != null ? amzDate : httpDate;
        Instant signedAt = amzDate != null ? AmzDate.parseBasic(amzDate) : AmzDate.parseHttpDate(httpDate);
        return new SignatureParameters(false, tokens[0], parameters.get("Credential"), parameters.get("SignedHeaders"),
                parameters.get("Signature"), amzDate != null ? dateText : AmzDate.format(signedAt), signedAt,
                first(request, "X-Amz-Security-Token"), null, query);
    }

    /** {@code ?X-Amz-Algorithm=...&X-Amz-Credential=...&X-Amz-Date=...&X-Amz-SignedHeaders=...&X-Amz-Signature=...} */
    private static SignatureParameters fromQuery(SignedRequest request, QueryString query) {
        StringBuilder missing = new StringBuilder();
        for (String name : QUERY_PARAMETERS) {
            String value = query.get(name);
            if (value == null || value.isEmpty()) {
                missing.append("AWS query-string parameters must include '").append(name).append("'. ");
            }
        }
        if (missing.length() > 0) {
            throw SignatureErrors.incomplete(missing + "Re-examine the query-string parameters.");
        }
        String dateText = query.get("X-Amz-Date");
        return new SignatureParameters(true, query.get("X-Amz-Algorithm"), query.get("X-Amz-Credential"),
                query.get("X-Amz-SignedHeaders"), query.get(QueryString.SIGNATURE_PARAMETER), dateText,
                AmzDate.parseBasic(dateText), query.get("X-Amz-Security-Token"), expires(query.get("X-Amz-Expires")), query);
    }

    private static Duration expires(String value) {
        if (value == null) {
            return null;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
            throw SignatureErrors.incomplete("X-Amz-Expires must be a number of seconds from 1 to " + MAX_EXPIRES_SECONDS
                    + ", not '" + value + "'. Re-examine the query-string parameters.");
        }
        return Duration.ofSeconds(seconds);
    }

    private static String first(SignedRequest request, String header) {
        List<String> values = request.headers(header);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The signed header names, lower case, in the order the client listed them. */
    List<String> signedHeaderNames() {
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";")) {
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    @Override
    public String toString() {
        // The signature and session token are the request's proof: keep them out of any log line.
        return "SignatureParameters[" + (presigned ? "presigned, " : "") + algorithm + ", Credential=" + credential
                + ", SignedHeaders=" + signedHeaders + ", date=" + dateText + "]";
    }
}
