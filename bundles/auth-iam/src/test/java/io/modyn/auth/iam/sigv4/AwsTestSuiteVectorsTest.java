package io.modyn.auth.iam.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.auth.Principal;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.testing.TestRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's published Signature Version 4 test suite (restated in {@code src/test/resources/sigv4-vectors}):
 * for each request, in header and presigned form, the verifier computes AWS's canonical request,
 * string to sign and signature, and accepts the signature.
 */
class AwsTestSuiteVectorsTest {

    static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
    static final Credential EXAMPLE = new Credential("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            new Principal("000000000000", "arn:aws:iam::000000000000:root", "AKIDEXAMPLE", "000000000000"));

    private final SigV4Verifier verifier = new SigV4Verifier("us-east-1",
            id -> id.equals(EXAMPLE.accessKeyId()) ? EXAMPLE : null, request -> List.of("service"),
            Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

    static Stream<Arguments> vectors() {
        List<Arguments> vectors = new ArrayList<>();
        for (String name : resource("index.txt").split("\n")) {
            Map<String, String> sections = sections(resource(name + ".txt"));
            for (String form : List.of("header", "query")) {
                if (!sections.containsKey(form + " request")) {
                    continue;
                }
                vectors.add(Arguments.of(name + " (" + form + ")", TestRequest.parse(sections.get(form + " request")),
                        sections.get(form + " canonical request"), sections.get(form + " string to sign"),
                        sections.get(form + " signature")));
            }
        }
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void computesTheCanonicalRequestOfTheVector(String name, TestRequest request, String canonicalRequest) {
        assertEquals(canonicalRequest, CanonicalRequest.of(request, SignatureParameters.read(request)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void computesTheStringToSignAndSignatureOfTheVector(String name, TestRequest request, String canonicalRequest,
                                                        String stringToSign, String signature) {
        SignatureParameters parameters = SignatureParameters.read(request);
        CredentialScope scope = CredentialScope.parse(parameters.credential());
        String computed = SigV4Verifier.stringToSign(parameters.dateText(), scope, CanonicalRequest.of(request, parameters));
        assertEquals(stringToSign, computed);
        assertEquals(signature, Digests.hex(Digests.hmacSha256(EXAMPLE.signingKey(scope.date(), scope.region(), scope.service()), computed)));
        assertEquals(signature, parameters.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void acceptsTheSignatureOfTheVector(String name, TestRequest request) {
        if (SignatureParameters.read(request).securityToken() != null) {
            // The signature is right, but no session exists for the token (no temporary credentials yet).
            DynamoException refused = assertThrows(DynamoException.class, () -> verifier.verify(request));
            assertEquals(ErrorType.UNRECOGNIZED_CLIENT, refused.type());
            assertEquals(SignatureErrors.INVALID_SESSION_TOKEN, refused.getMessage());
        } else {
            assertSame(EXAMPLE, verifier.verify(request));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void refusesTheVectorWithAnotherBody(String name, TestRequest request) {
        DynamoException refused = assertThrows(DynamoException.class,
                () -> verifier.verify(request.withBody("tampered".getBytes(StandardCharsets.UTF_8))));
        assertEquals(ErrorType.INVALID_SIGNATURE, refused.type());
        assertEquals(SignatureErrors.MISMATCH, refused.getMessage());
    }

    /** Sections start with a line {@code === title}; lines starting with # before the first are comments. */
    private static Map<String, String> sections(String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        String title = null;
        StringBuilder content = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (title != null) {
                    sections.put(title, withoutLastNewline(content));
                }
                title = line.substring(4);
                content.setLength(0);
            } else if (title != null) {
                content.append(line).append('\n');
            }
        }
        sections.put(title, withoutLastNewline(content));
        return sections;
    }

    private static String withoutLastNewline(StringBuilder content) {
        String text = content.toString();
        // The section ends with the newline before the next title, and the file with one more.
        while (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static String resource(String name) {
        try (InputStream in = AwsTestSuiteVectorsTest.class.getResourceAsStream("/sigv4-vectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
