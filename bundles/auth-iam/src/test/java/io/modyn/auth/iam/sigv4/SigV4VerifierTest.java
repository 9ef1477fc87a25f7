package io.modyn.auth.iam.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.credentials.RootCredentials;
import io.modyn.auth.iam.testing.SdkSigner;
import io.modyn.auth.iam.testing.TestRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB requests signed by the AWS SDK for Java v2's own signer verify; any change to what was
 * signed, and every malformed or misdirected signature, is refused with DynamoDB's error.
 */
class SigV4VerifierTest {

    static final String ACCOUNT = "123456789012";
    static final String KEY_ID = "AKIAMODYNTEST0000001";
    static final String SECRET = "modyn/unit+test/secret/key0000000000000";
    static final Instant NOW = Instant.parse("2026-01-01T00:20:00Z");
    static final byte[] BODY = "{\"TableName\":\"Music\",\"Key\":{\"Artist\":{\"S\":\"Arvo P\u00e4rt\"}}}".getBytes(StandardCharsets.UTF_8);

    private final RootCredentials root = new RootCredentials(ACCOUNT, KEY_ID, SECRET);
    private final SigV4Verifier verifier = verifierAt(NOW);

    private SigV4Verifier verifierAt(Instant now) {
        return new SigV4Verifier("us-east-1", root, SigningServices::accepted, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SdkSigner sdk(Instant signedAt) {
        return new SdkSigner(KEY_ID, SECRET, "us-east-1", signedAt);
    }

    private TestRequest signedGetItem() {
        return sdk(NOW).sign("GetItem", BODY, Map.of());
    }

    private DynamoException refused(TestRequest request) {
        return assertThrows(DynamoException.class, () -> verifier.verify(request));
    }

    private void assertRefused(ErrorType type, String message, TestRequest request) {
        DynamoException error = refused(request);
        assertEquals(type, error.type(), error.getMessage());
        assertEquals(message, error.getMessage());
    }

    @Test
    void requestSignedByTheSdkIsTheRootAccount() {
        Credential credential = verifier.verify(signedGetItem());
        assertSame(root.root(), credential);
        assertEquals("arn:aws:iam::123456789012:root", credential.principal().arn());
        assertEquals(ACCOUNT, credential.principal().accountId());
        assertEquals(KEY_ID, credential.principal().accessKeyId());
    }

    @Test
    void requestPresignedByTheSdkVerifies() {
        TestRequest presigned = sdk(NOW.minusSeconds(600)).presigned(Duration.ofMinutes(30)).sign("ListTables", "{}".getBytes(), Map.of());
        assertTrue(presigned.query().contains("X-Amz-Signature="), presigned.query());
        assertEquals(null, presigned.header("Authorization"));
        assertSame(root.root(), verifier.verify(presigned));
    }

    @Test
    void presignedRequestExpiresAfterItsValidity() {
        TestRequest presigned = sdk(NOW.minusSeconds(301)).presigned(Duration.ofMinutes(5)).sign("ListTables", "{}".getBytes(), Map.of());
        assertRefused(ErrorType.INVALID_SIGNATURE,
                "Signature expired: 20260101T001459Z is now earlier than 20260101T001500Z (20260101T002000Z - 5 min.)", presigned);
    }

    @Test
    void gzipBodyIsVerifiedAsSentCompressed() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(BODY);
        }
        TestRequest request = sdk(NOW).sign("GetItem", compressed.toByteArray(), Map.of("Content-Encoding", "gzip"));
        assertSame(root.root(), verifier.verify(request));
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH, request.withBody(BODY));
    }

    @Test
    void unsignedPayloadDeclaredByTheClientVerifiesWhateverTheBody() {
        TestRequest request = sdk(NOW).unsignedPayload().sign("GetItem", BODY, Map.of());
        assertEquals(CanonicalRequest.UNSIGNED_PAYLOAD, request.header("x-amz-content-sha256"));
        assertSame(root.root(), verifier.verify(request));
        assertSame(root.root(), verifier.verify(request.withBody("{}".getBytes())));
    }

    @Test
    void declaredPayloadHashIsNotTrustedOverTheBody() {
        TestRequest request = sdk(NOW).sign("GetItem", BODY, Map.of());
        String bodyHash = Digests.sha256Hex(BODY);
        TestRequest declared = request.withHeader("X-Amz-Content-Sha256", bodyHash).withBody("{}".getBytes());
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH, declared);
    }

    @Test
    void changingAnySignedHeaderFails() {
        TestRequest request = signedGetItem();
        String authorization = request.header("Authorization");
        String signedHeaders = authorization.substring(authorization.indexOf("SignedHeaders=") + 14);
        signedHeaders = signedHeaders.substring(0, signedHeaders.indexOf(','));
        List<String> names = List.of(signedHeaders.split(";"));
        assertTrue(names.containsAll(List.of("host", "x-amz-date", "x-amz-target", "content-type")), signedHeaders);
        for (String name : names) {
            String value = request.header(name);
            String changed = name.equals("x-amz-date") ? "20260101T002001Z" : value + "x";
            DynamoException error = refused(request.withHeader(name, changed));
            assertEquals(SignatureErrors.MISMATCH, error.getMessage(), name);
        }
    }

    @Test
    void changingTheBodyPathOrQueryFails() {
        TestRequest request = signedGetItem();
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH, request.withBody("{\"TableName\":\"Other\"}".getBytes()));
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH, request.withPath("/other"));
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH, request.withQuery("a=b"));
    }

    @Test
    void wrongSecretFails() {
        TestRequest request = new SdkSigner(KEY_ID, SECRET + "x", "us-east-1", NOW).sign("GetItem", BODY, Map.of());
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH, request);
    }

    @Test
    void unknownAccessKeyIsAnUnrecognizedClient() {
        TestRequest request = new SdkSigner("AKIAUNKNOWN000000000", SECRET, "us-east-1", NOW).sign("GetItem", BODY, Map.of());
        assertRefused(ErrorType.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.", request);
    }

    @Test
    void signatureOlderThanFifteenMinutesHasExpired() {
        TestRequest request = sdk(NOW.minus(Duration.ofMinutes(20))).sign("GetItem", BODY, Map.of());
        assertRefused(ErrorType.INVALID_SIGNATURE,
                "Signature expired: 20260101T000000Z is now earlier than 20260101T000500Z (20260101T002000Z - 15 min.)", request);
        assertSame(root.root(), verifierAt(NOW.minus(Duration.ofMinutes(5))).verify(request), "within 15 minutes");
    }

    @Test
    void signatureFromMoreThanFifteenMinutesAheadIsNotYetCurrent() {
        TestRequest request = sdk(NOW.plus(Duration.ofMinutes(16))).sign("GetItem", BODY, Map.of());
        assertRefused(ErrorType.INVALID_SIGNATURE,
                "Signature not yet current: 20260101T003600Z is still later than 20260101T003500Z (20260101T002000Z + 15 min.)", request);
    }

    @Test
    void expiryIsReportedBeforeAnUnknownKey() {
        TestRequest request = new SdkSigner("AKIAUNKNOWN000000000", SECRET, "eu-west-1", NOW.minus(Duration.ofHours(1)))
                .sign("GetItem", BODY, Map.of());
        assertTrue(refused(request).getMessage().startsWith("Signature expired: "));
    }

    @Test
    void credentialScopedToAnotherRegionIsRefused() {
        TestRequest request = new SdkSigner(KEY_ID, SECRET, "eu-west-1", NOW).sign("GetItem", BODY, Map.of());
        assertRefused(ErrorType.INVALID_SIGNATURE, "Credential should be scoped to a valid region. ", request);
    }

    @Test
    void credentialScopedToAnotherServiceIsRefused() {
        TestRequest request = sdk(NOW).service("kms").sign("GetItem", BODY, Map.of());
        assertRefused(ErrorType.INVALID_SIGNATURE, "Credential should be scoped to correct service: 'dynamodb'. ", request);
    }

    @Test
    void everyWrongPartOfTheScopeIsNamedInOneMessage() {
        TestRequest request = withCredential(signedGetItem(), KEY_ID + "/20251231/eu-west-1/s3/aws5_request");
        assertRefused(ErrorType.INVALID_SIGNATURE, "Credential should be scoped to a valid region. "
                + "Credential should be scoped to correct service: 'dynamodb'. "
                + "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. "
                + "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + "'20251231' != '20260101', from '20260101T002000Z'. ", request);
    }

    @Test
    void credentialWithoutFiveElementsIsIncomplete() {
        assertRefused(ErrorType.INCOMPLETE_SIGNATURE, "Credential must have exactly 5 slash-delimited elements, "
                + "e.g. keyid/date/region/service/term, got '" + KEY_ID + "/20260101/us-east-1/dynamodb'",
                withCredential(signedGetItem(), KEY_ID + "/20260101/us-east-1/dynamodb/"));
    }

    @Test
    void hostMustBeSigned() {
        TestRequest request = signedGetItem();
        String authorization = request.header("Authorization").replace("SignedHeaders=", "SignedHeaders=x-").replace(";host;", ";");
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.HOST_NOT_SIGNED, request.withHeader("Authorization", authorization));
    }

    @Test
    void onlyHmacSha256IsSupported() {
        TestRequest request = signedGetItem();
        String authorization = request.header("Authorization").replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512");
        assertRefused(ErrorType.INCOMPLETE_SIGNATURE, "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ",
                request.withHeader("Authorization", authorization));
    }

    @Test
    void missingSignatureParametersAreIncomplete() {
        TestRequest request = signedGetItem().withHeader("X-Amz-Date", null)
                .withHeader("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20260101/us-east-1/dynamodb/aws4_request");
        assertRefused(ErrorType.INCOMPLETE_SIGNATURE, "Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. "
                + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                + "Authorization=AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20260101/us-east-1/dynamodb/aws4_request", request);
    }

    @Test
    void parameterWithoutEqualSignIsIncomplete() {
        String authorization = "AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders";
        assertRefused(ErrorType.INCOMPLETE_SIGNATURE, "'Credential' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + authorization + "'.", signedGetItem().withHeader("Authorization", authorization));
    }

    @Test
    void dateNotInBasicFormatIsIncomplete() {
        assertRefused(ErrorType.INCOMPLETE_SIGNATURE, "Date must be in ISO-8601 'basic format'. Got '2026-01-01T00:20:00Z'. "
                + "See http://en.wikipedia.org/wiki/ISO_8601", signedGetItem().withHeader("X-Amz-Date", "2026-01-01T00:20:00Z"));
    }

    @Test
    void presignedRequestWithoutItsParametersIsIncomplete() {
        TestRequest request = signedGetItem().withHeader("Authorization", null).withQuery("X-Amz-Algorithm=AWS4-HMAC-SHA256");
        assertRefused(ErrorType.INCOMPLETE_SIGNATURE, "AWS query-string parameters must include 'X-Amz-Credential'. "
                + "AWS query-string parameters must include 'X-Amz-Signature'. "
                + "AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
                + "AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.", request);
    }

    @Test
    void sessionTokenOfARootKeyIsRefusedAfterTheSignature() {
        TestRequest request = sdk(NOW).sessionToken("FwoGZXIvYXdzEXAMPLETOKEN").sign("GetItem", BODY, Map.of());
        assertRefused(ErrorType.UNRECOGNIZED_CLIENT, SignatureErrors.INVALID_SESSION_TOKEN, request);
        TestRequest wrongSecret = new SdkSigner(KEY_ID, "wrong", "us-east-1", NOW).sessionToken("token").sign("GetItem", BODY, Map.of());
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH, wrongSecret);
    }

    @Test
    void httpDateHeaderStandsInForAMissingAmzDate() {
        String date = "Thu, 01 Jan 2026 00:19:30 GMT";
        String scope = "20260101/us-east-1/dynamodb/aws4_request";
        String canonical = "POST\n/\n\ndate:" + date + "\nhost:127.0.0.1:8000\nx-amz-target:DynamoDB_20120810.ListTables\n\n"
                + "date;host;x-amz-target\n" + Digests.sha256Hex("{}");
        String stringToSign = "AWS4-HMAC-SHA256\n20260101T001930Z\n" + scope + "\n" + Digests.sha256Hex(canonical);
        String signature = Digests.hex(Digests.hmacSha256(root.root().signingKey("20260101", "us-east-1", "dynamodb"), stringToSign));
        TestRequest request = new TestRequest("POST", "/", "", List.of(Map.entry("Host", "127.0.0.1:8000"), Map.entry("Date", date),
                Map.entry("X-Amz-Target", "DynamoDB_20120810.ListTables"), Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential="
                        + KEY_ID + "/" + scope + ", SignedHeaders=date;host;x-amz-target, Signature=" + signature)), "{}".getBytes());
        assertSame(root.root(), verifier.verify(request));
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH, request.withHeader("Date", "Thu, 01 Jan 2026 00:19:31 GMT"));
    }

    @Test
    void signatureIsComparedExactly() {
        TestRequest request = signedGetItem();
        String authorization = request.header("Authorization");
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH,
                request.withHeader("Authorization", authorization.substring(0, authorization.length() - 1)));
        String upper = authorization.substring(0, authorization.indexOf("Signature=") + 10)
                + authorization.substring(authorization.indexOf("Signature=") + 10).toUpperCase(Locale.ROOT);
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH, request.withHeader("Authorization", upper));
    }

    @Test
    void errorsNeverQuoteTheSecret() {
        List<TestRequest> requests = List.of(
                new SdkSigner(KEY_ID, SECRET + "x", "us-east-1", NOW).sign("GetItem", BODY, Map.of()),
                sdk(NOW.minusSeconds(3600)).sign("GetItem", BODY, Map.of()),
                new SdkSigner(KEY_ID, SECRET, "eu-west-1", NOW).sign("GetItem", BODY, Map.of()));
        for (TestRequest request : requests) {
            assertTrue(!refused(request).getMessage().contains(SECRET));
        }
    }

    private static TestRequest withCredential(TestRequest request, String credential) {
        String authorization = request.header("Authorization");
        return request.withHeader("Authorization", authorization.replaceFirst("Credential=[^,]+,", "Credential=" + credential + ","));
    }
}
