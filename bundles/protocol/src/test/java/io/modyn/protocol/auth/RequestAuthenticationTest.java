package io.modyn.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Principal;
import io.modyn.api.auth.SignedRequest;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestAuthenticationTest {

    private static final String VALID = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0123abcd";

    private final RequestAuthentication open = new RequestAuthentication(() -> null, false);

    @Test
    void anyWellFormedSignatureIsAcceptedWithoutAnAuthenticator() {
        assertNull(open.authenticate(request("").header("Authorization", VALID).header("X-Amz-Date", "20240101T000000Z")));
    }

    @Test
    void aRequestWithoutSignatureIsMissingItsToken() {
        assertError(ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token", request(""));
        assertError(ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token",
                request("").header("Authorization", "AWS4"));
        assertError(ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token",
                request("X-Amz-Credential=a&X-Amz-Signature=b&X-Amz-SignedHeaders=c&X-Amz-Date=d"));
    }

    @Test
    void aHeaderAndAQuerySignatureTogetherAreRefused() {
        assertError(ErrorType.INVALID_SIGNATURE,
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
                request("X-Amz-Algorithm").header("Authorization", "X"));
    }

    @Test
    void anIncompleteHeaderNamesWhatIsMissing() {
        assertError(ErrorType.INCOMPLETE_SIGNATURE, "Authorization header requires 'Credential' parameter. "
                        + "Authorization header requires 'Signature' parameter. "
                        + "Authorization header requires 'SignedHeaders' parameter. "
                        + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                        + "Authorization=AWS4-",
                request("").header("Authorization", "AWS4-"));
        assertError(ErrorType.INCOMPLETE_SIGNATURE,
                "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b, Credential=a",
                request("").header("Authorization", "AWS4- Signature=b, Credential=a").header("Date", "a"));
    }

    @Test
    void anIncompleteQuerySignatureNamesWhatIsMissing() {
        assertError(ErrorType.INCOMPLETE_SIGNATURE, "AWS query-string parameters must include 'X-Amz-Algorithm'. "
                        + "AWS query-string parameters must include 'X-Amz-Credential'. "
                        + "AWS query-string parameters must include 'X-Amz-Signature'. "
                        + "AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
                        + "AWS query-string parameters must include 'X-Amz-Date'. "
                        + "Re-examine the query-string parameters.",
                request("X-Amz-Algorithm"));
        assertNull(open.authenticate(request("X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKID%2F20240101%2Fus-east-1%2Fdynamodb%2Faws4_request"
                + "&X-Amz-Signature=b&X-Amz-SignedHeaders=host&X-Amz-Date=20240101T000000Z")));
    }

    @Test
    void theAlgorithmAndCredentialScopeMustBeWellFormed() {
        assertError(ErrorType.INCOMPLETE_SIGNATURE, "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). ",
                request("").header("Authorization", VALID.replace("SHA256", "SHA25")).header("X-Amz-Date", "x"));
        assertError(ErrorType.INCOMPLETE_SIGNATURE,
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'",
                request("").header("Authorization", "AWS4-HMAC-SHA256 Credential=a/b/c/d/, SignedHeaders=host, Signature=x")
                        .header("X-Amz-Date", "x"));
    }

    @Test
    void aBoundAuthenticatorDecidesTheSignatureAndPrincipal() {
        Principal principal = new Principal("123456789012", "arn:aws:iam::123456789012:user/alice", "AKID", "AIDAALICE000000000000");
        List<SignedRequest> seen = new ArrayList<>();
        Authenticator authenticator = request -> {
            seen.add(request);
            return principal;
        };
        FakeRequest request = request("").header("Authorization", "AWS4-HMAC-SHA256 anything");

        assertSame(principal, new RequestAuthentication(() -> authenticator, false).authenticate(request));
        assertEquals(List.of(request), seen);
    }

    @Test
    void aBoundAuthenticatorIsNotAskedAboutAnUnsignedRequest() {
        Authenticator refuses = request -> {
            throw new AssertionError("must not be called");
        };
        DynamoException error = assertThrows(DynamoException.class,
                () -> new RequestAuthentication(() -> refuses, false).authenticate(request("")));
        assertEquals(ErrorType.MISSING_AUTHENTICATION_TOKEN, error.type());
    }

    private void assertError(ErrorType type, String message, SignedRequest request) {
        DynamoException error = assertThrows(DynamoException.class, () -> open.authenticate(request));
        assertEquals(type, error.type());
        assertEquals(message, error.getMessage());
    }

    private static FakeRequest request(String query) {
        return new FakeRequest(query);
    }

    /** A request as the wire protocol would present it to an authenticator. */
    private static final class FakeRequest implements SignedRequest {
        private final String query;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();

        FakeRequest(String query) {
            this.query = query;
        }

        FakeRequest header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(), n -> new ArrayList<>()).add(value);
            return this;
        }

        @Override public String method() { return "POST"; }
        @Override public String path() { return "/"; }
        @Override public String query() { return query; }
        @Override public List<String> headers(String name) { return headers.getOrDefault(name.toLowerCase(), List.of()); }
        @Override public List<String> headerNames() { return List.copyOf(headers.keySet()); }
        @Override public byte[] body() { return new byte[0]; }
    }
}
