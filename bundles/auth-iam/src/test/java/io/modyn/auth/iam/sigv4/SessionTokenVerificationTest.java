package io.modyn.auth.iam.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.auth.Principal;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.auth.iam.credentials.CredentialLookup;
import io.modyn.auth.iam.credentials.RootCredentials;
import io.modyn.auth.iam.identity.IdentityStorage;
import io.modyn.auth.iam.identity.SecretSealer;
import io.modyn.auth.iam.identity.Session;
import io.modyn.auth.iam.identity.SessionCache;
import io.modyn.auth.iam.identity.SessionInfo;
import io.modyn.auth.iam.identity.SessionStore;
import io.modyn.auth.iam.identity.SessionStore.Grant;
import io.modyn.auth.iam.identity.SessionStore.NewSession;
import io.modyn.auth.iam.query.QueryError;
import io.modyn.auth.iam.testing.MutableClock;
import io.modyn.auth.iam.testing.SdkSigner;
import io.modyn.auth.iam.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Requests signed with temporary credentials: the SDK's signer with the session's key, secret and
 * token verifies as the session's principal; without the token, with another session's token or
 * after the expiration it is refused with AWS's errors. Expiry by a clock moved by hand.
 */
class SessionTokenVerificationTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:20:00Z");
    static final byte[] BODY = "{\"TableName\":\"Music\"}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(NOW);
    private final IdentityStorage storage = new IdentityStorage();
    private final SessionStore sessions;
    private final SessionCache cache;
    private final SigV4Verifier verifier;

    SessionTokenVerificationTest() {
        storage.bind(new InMemoryStorageEngine());
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 3);
        sessions = new SessionStore(storage, new SecretSealer(new SecretKeySpec(key, "AES"), new SecureRandom()), new SecureRandom(), clock);
        cache = new SessionCache(sessions, Duration.ofSeconds(1), System::nanoTime);
        RootCredentials root = new RootCredentials("123456789012", "AKIAMODYNTEST0000001", "root/secret");
        CredentialLookup lookup = id -> root.find(id) != null ? root.find(id) : cache.find(id);
        verifier = new SigV4Verifier("us-east-1", lookup, SigningServices::accepted, clock);
    }

    private NewSession roleSession(Duration duration, String policy) {
        return sessions.create(new Grant(Session.Kind.ASSUMED_ROLE, "123456789012",
                "arn:aws:sts::123456789012:assumed-role/reader/s1", "AROAREADER0000000000:s1", "reader",
                "arn:aws:iam::123456789012:role/reader", duration, policy, List.of(), Map.of("team", "db"), List.of(), null));
    }

    private TestRequest signed(NewSession session, String token) {
        SdkSigner signer = new SdkSigner(session.session().accessKeyId(), session.secretAccessKey(), "us-east-1", clock.instant());
        if (token != null) signer.sessionToken(token);
        return signer.sign("GetItem", BODY, Map.of());
    }

    private void assertRefused(ErrorType type, String message, TestRequest request) {
        DynamoException error = assertThrows(DynamoException.class, () -> verifier.verify(request));
        assertEquals(type, error.type(), error.getMessage());
        assertEquals(message, error.getMessage());
    }

    @Test
    void theRightTokenVerifiesAsTheRoleSession() {
        NewSession session = roleSession(Duration.ofHours(1), null);
        Principal principal = verifier.verify(signed(session, session.sessionToken())).principal();
        assertEquals(new Principal("123456789012", "arn:aws:sts::123456789012:assumed-role/reader/s1", session.session().accessKeyId(),
                "AROAREADER0000000000:s1"), principal);
    }

    @Test
    void aMissingTokenIsAnInvalidSecurityToken() {
        NewSession session = roleSession(Duration.ofHours(1), null);
        assertRefused(ErrorType.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.", signed(session, null));
    }

    @Test
    void anotherSessionsTokenIsAnInvalidSecurityToken() {
        NewSession session = roleSession(Duration.ofHours(1), null);
        NewSession other = roleSession(Duration.ofHours(1), null);
        assertRefused(ErrorType.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.",
                signed(session, other.sessionToken()));
    }

    @Test
    void theTokenIsRequiredToTheLastCharacter() {
        NewSession session = roleSession(Duration.ofHours(1), null);
        String token = session.sessionToken();
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertRefused(ErrorType.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.", signed(session, altered));
    }

    @Test
    void aSessionWorksUntilItsExpirationThenIsExpired() {
        NewSession session = roleSession(Duration.ofMinutes(15), null);
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        verifier.verify(signed(session, session.sessionToken()));
        clock.advance(Duration.ofSeconds(1));
        assertRefused(ErrorType.EXPIRED_TOKEN, "The security token included in the request is expired", signed(session, session.sessionToken()));
    }

    @Test
    void anExpiredTokenIsAnsweredOnTheQueryProtocolAsExpiredToken403() {
        QueryError error = QueryError.of(new DynamoException(ErrorType.EXPIRED_TOKEN, SignatureErrors.EXPIRED_TOKEN));
        assertEquals("ExpiredToken", error.code());
        assertEquals(403, error.httpStatus());
        assertEquals("Sender", error.type());
        assertEquals(400, ErrorType.EXPIRED_TOKEN.httpStatus());
        assertEquals("com.amazon.coral.service#ExpiredTokenException", ErrorType.EXPIRED_TOKEN.wireType());
    }

    @Test
    void aWrongSecretIsASignatureMismatchEvenWithTheRightToken() {
        NewSession session = roleSession(Duration.ofHours(1), null);
        TestRequest request = new SdkSigner(session.session().accessKeyId(), "wrong", "us-east-1", clock.instant())
                .sessionToken(session.sessionToken()).sign("GetItem", BODY, Map.of());
        assertRefused(ErrorType.INVALID_SIGNATURE, SignatureErrors.MISMATCH, request);
    }

    @Test
    void anUnknownTemporaryKeyIsUnrecognized() {
        TestRequest request = new SdkSigner("ASIANOSUCHSESSION000", "secret", "us-east-1", clock.instant())
                .sessionToken("token").sign("GetItem", BODY, Map.of());
        assertRefused(ErrorType.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.", request);
    }

    @Test
    void theAuthorizerFindsTheSessionsRoleTagsAndParsedPolicy() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}";
        NewSession session = roleSession(Duration.ofHours(1), policy);
        SessionInfo info = cache.findSession(session.session().accessKeyId()).orElseThrow();
        assertEquals("reader", info.name());
        assertEquals("arn:aws:iam::123456789012:role/reader", info.roleArn());
        assertEquals(Map.of("team", "db"), info.tags());
        assertTrue(info.hasSessionPolicies());
        assertEquals(1, info.sessionPolicies().size());
        assertEquals(policy, info.sessionPolicies().get(0).json());

        SessionInfo without = cache.findSession(roleSession(Duration.ofHours(1), null).session().accessKeyId()).orElseThrow();
        assertFalse(without.hasSessionPolicies());
        assertTrue(cache.findSession("AKIAMODYNTEST0000001").isEmpty());
    }
}
