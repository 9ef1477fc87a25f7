package io.modyn.auth.iam.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.auth.iam.credentials.RootCredentials;
import io.modyn.auth.iam.testing.TestRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Admin requests exactly as {@code bin/modyn-admin} has curl 7.88.1 sign them
 * ({@code --aws-sigv4 aws:amz:us-east-1:modyn}, the token in {@code X-Modyn-Admin-Token}, the query
 * already sorted and encoded as SigV4 wants it), captured on the wire: they verify for the service
 * {@value SigningServices#ADMIN_SERVICE}, and a signature for that service is good for the admin
 * paths only.
 */
class CurlAdminSignatureTest {

    static final String KEY_ID = "AKIAMODYNTEST0000001";
    static final String SECRET = "modyn/unit+test/secret/key0000000000000";

    private final RootCredentials root = new RootCredentials("123456789012", KEY_ID, SECRET);

    @ParameterizedTest
    @ValueSource(strings = {"list", "stop", "install"})
    void curlsSignatureVerifies(String name) throws IOException {
        TestRequest request = captured(name);
        assertSame(root.root(), verifierAtSigningTime(request).verify(request));
        assertEquals("modyn", SigV4Verifier.signedService(request));
    }

    @Test
    void adminPathsAcceptTheModynServiceOnly() {
        TestRequest admin = TestRequest.parse("GET /bundles/3 HTTP/1.1\nHost: 127.0.0.1:8001\n\n");
        assertEquals(List.of("modyn"), SigningServices.accepted(admin));
        assertEquals(List.of("modyn"), SigningServices.accepted(admin.withPath("/bundles")));
        assertEquals(List.of("iam", "sts"), SigningServices.accepted(admin.withPath("/")));
        assertEquals(List.of("iam", "sts"), SigningServices.accepted(admin.withPath("/bundlesx")));
        assertEquals(List.of("dynamodb"),
                SigningServices.accepted(admin.withHeader("X-Amz-Target", "DynamoDB_20120810.ListTables")));
    }

    @Test
    void changedQueryOrTokenFails() throws IOException {
        TestRequest request = captured("install");
        SigV4Verifier verifier = verifierAtSigningTime(request);
        DynamoException query = assertThrows(DynamoException.class,
                () -> verifier.verify(request.withQuery(request.query().replace("start=true", "start=false"))));
        assertEquals(ErrorType.INVALID_SIGNATURE, query.type());
        DynamoException token = assertThrows(DynamoException.class,
                () -> verifier.verify(request.withHeader("X-Modyn-Admin-Token", "f".repeat(64))));
        assertEquals(ErrorType.INVALID_SIGNATURE, token.type());
    }

    private SigV4Verifier verifierAtSigningTime(TestRequest request) {
        Instant signedAt = AmzDate.parseBasic(request.header("X-Amz-Date"));
        return new SigV4Verifier("us-east-1", root, SigningServices::accepted, Clock.fixed(signedAt, ZoneOffset.UTC));
    }

    private static TestRequest captured(String name) throws IOException {
        try (InputStream in = CurlAdminSignatureTest.class.getResourceAsStream("/curl-admin/" + name + ".http")) {
            // As an HTTP server hands them over: the space after a header's colon is not part of its value.
            String http = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^([A-Za-z-]+): ", "$1:");
            return TestRequest.parse(http);
        }
    }
}
