package io.modyn.auth.iam.sts;

import static io.modyn.auth.iam.sts.StsApiTest.assertError;
import static io.modyn.auth.iam.sts.StsApiTest.child;
import static io.modyn.auth.iam.sts.StsApiTest.childNames;
import static io.modyn.auth.iam.sts.StsApiTest.parse;
import static io.modyn.auth.iam.sts.StsApiTest.request;
import static io.modyn.auth.iam.sts.StsApiTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.extension.ProtocolResponse;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.credentials.RootCredentials;
import io.modyn.auth.iam.identity.IdentityStorage;
import io.modyn.auth.iam.identity.SecretSealer;
import io.modyn.auth.iam.identity.SessionCache;
import io.modyn.auth.iam.identity.SessionInfo;
import io.modyn.auth.iam.identity.SessionStore;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyKind;
import io.modyn.auth.iam.policy.PolicySet;
import io.modyn.auth.iam.testing.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * GetSessionToken and AssumeRole through the STS handler, with a role store of test roles: AWS's
 * result shapes, durations, the trust policy's decision and AWS's refusals; the credentials they
 * return are then found by the authentication path as the session's principal.
 */
class TemporaryCredentialsApiTest {

    static final String ACCOUNT = "123456789012";
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final Principal ROOT = RootCredentials.rootPrincipal(ACCOUNT, "AKIAROOT000000000000");
    static final Principal ALICE = new Principal(ACCOUNT, "arn:aws:iam::123456789012:user/dev/alice", "AKIAALICE00000000000",
            "AIDAALICE00000000000");
    static final Principal BOB = new Principal(ACCOUNT, "arn:aws:iam::123456789012:user/bob", "AKIABOB0000000000000", "AIDABOB0000000000000");
    static final String READER_ARN = "arn:aws:iam::123456789012:role/app/reader";
    static final String ACCOUNT_ROLE_ARN = "arn:aws:iam::123456789012:role/by-account";

    private final MutableClock clock = new MutableClock(NOW);
    private final IdentityStorage storage = new IdentityStorage();
    private final SessionStore sessions;
    private final SessionCache sessionKeys;
    private CallerPolicies callerPolicies = CallerPolicies.NONE;
    private final ProtocolHandler sts;

    TemporaryCredentialsApiTest() {
        storage.bind(new InMemoryStorageEngine());
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 5);
        sessions = new SessionStore(storage, new SecretSealer(new SecretKeySpec(key, "AES"), new SecureRandom()), new SecureRandom(), clock);
        sessionKeys = new SessionCache(sessions, Duration.ofSeconds(1), System::nanoTime);
        AssumableRoles roles = arn -> Optional.ofNullable(Map.of(
                READER_ARN, new AssumableRole("reader", READER_ARN, "AROAREADER0000000000", trust(
                        "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/dev/alice\"},\"Action\":\"sts:AssumeRole\"},"
                                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:sts::123456789012:assumed-role/by-account/chain\"},"
                                + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]},"
                                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/bob\"},\"Action\":\"sts:AssumeRole\","
                                + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"xyz-42\"}}}"), 7200, Map.of()),
                ACCOUNT_ROLE_ARN, new AssumableRole("by-account", ACCOUNT_ROLE_ARN, "AROABYACCOUNT0000000", trust(
                        "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"123456789012\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}"),
                        3600, Map.of())).get(arn));
        sts = StsApi.handler(arn -> null, sessions, sessionKeys, roles, caller -> callerPolicies.of(caller));
    }

    private static String trust(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder("Version=2011-06-15");
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private Element result(ProtocolResponse response, String action) throws Exception {
        assertEquals(200, response.status(), new String(response.body(), StandardCharsets.UTF_8));
        return child(parse(response).getDocumentElement(), action + "Result");
    }

    // ---- GetSessionToken

    @Test
    void getSessionTokenGivesAUserTwelveHourCredentialsThatActAsTheUser() throws Exception {
        Element result = result(sts.handle(request(form("Action", "GetSessionToken"), ALICE)), "GetSessionToken");
        Element credentials = child(result, "Credentials");
        assertEquals(List.of("AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"), childNames(credentials));
        String keyId = text(credentials, "AccessKeyId");
        assertTrue(keyId.matches("ASIA[A-Z0-9]{16}"), keyId);
        assertEquals("2026-05-02T00:00:00Z", text(credentials, "Expiration"));

        Credential credential = sessionKeys.find(keyId);
        assertEquals(new Principal(ACCOUNT, ALICE.arn(), keyId, ALICE.userId()), credential.principal());
        assertTrue(credential.acceptsSessionToken(text(credentials, "SessionToken")));
        assertFalse(credential.acceptsSessionToken(null));
        SessionInfo info = sessionKeys.findSession(keyId).orElseThrow();
        assertEquals("alice", info.name());
        assertEquals(null, info.roleArn());
        assertFalse(info.hasSessionPolicies());
    }

    @Test
    void getSessionTokenDurationIsWithin900To129600Seconds() throws Exception {
        Element credentials = child(result(sts.handle(request(form("Action", "GetSessionToken", "DurationSeconds", "900"), ALICE)),
                "GetSessionToken"), "Credentials");
        assertEquals("2026-05-01T12:15:00Z", text(credentials, "Expiration"));
        assertError(sts.handle(request(form("Action", "GetSessionToken", "DurationSeconds", "899"), ALICE)), 400, "Sender", "ValidationError",
                "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 900");
        assertError(sts.handle(request(form("Action", "GetSessionToken", "DurationSeconds", "129601"), ALICE)), 400, "Sender",
                "ValidationError", "1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 129600");
    }

    @Test
    void theRootsSessionTokenLastsAtMostAnHour() throws Exception {
        Element credentials = child(result(sts.handle(request(form("Action", "GetSessionToken", "DurationSeconds", "7200"), ROOT)),
                "GetSessionToken"), "Credentials");
        assertEquals("2026-05-01T13:00:00Z", text(credentials, "Expiration"));
        Principal principal = sessionKeys.find(text(credentials, "AccessKeyId")).principal();
        assertEquals("arn:aws:iam::123456789012:root", principal.arn());
        assertEquals(ACCOUNT, principal.userId());
    }

    @Test
    void sessionCredentialsCannotGetASessionToken() throws Exception {
        Element credentials = child(result(sts.handle(request(form("Action", "GetSessionToken"), ALICE)), "GetSessionToken"), "Credentials");
        Principal session = sessionKeys.find(text(credentials, "AccessKeyId")).principal();
        assertError(sts.handle(request(form("Action", "GetSessionToken"), session)), 403, "Sender", "AccessDenied",
                "Cannot call GetSessionToken with session credentials");
    }

    // ---- AssumeRole

    @Test
    void aTrustedUserAssumesTheRoleAsAnAssumedRoleSession() throws Exception {
        Element result = result(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "alice@laptop"),
                ALICE)), "AssumeRole");
        assertEquals(List.of("AssumedRoleUser", "Credentials"), childNames(result));
        Element user = child(result, "AssumedRoleUser");
        assertEquals("AROAREADER0000000000:alice@laptop", text(user, "AssumedRoleId"));
        assertEquals("arn:aws:sts::123456789012:assumed-role/reader/alice@laptop", text(user, "Arn"));
        Element credentials = child(result, "Credentials");
        assertEquals("2026-05-01T13:00:00Z", text(credentials, "Expiration"));

        String keyId = text(credentials, "AccessKeyId");
        assertEquals(new Principal(ACCOUNT, "arn:aws:sts::123456789012:assumed-role/reader/alice@laptop", keyId,
                "AROAREADER0000000000:alice@laptop"), sessionKeys.find(keyId).principal());
        SessionInfo info = sessionKeys.findSession(keyId).orElseThrow();
        assertEquals("reader", info.name());
        assertEquals(READER_ARN, info.roleArn());
        assertFalse(info.hasSessionPolicies());
    }

    @Test
    void anUntrustedCallerAndAnUnknownRoleAreRefusedAlike() throws Exception {
        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "s1"), BOB)), 403, "Sender",
                "AccessDenied", "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: "
                        + READER_ARN);
        String unknown = "arn:aws:iam::123456789012:role/nope";
        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", unknown, "RoleSessionName", "s1"), ALICE)), 403, "Sender",
                "AccessDenied", "User: arn:aws:iam::123456789012:user/dev/alice is not authorized to perform: sts:AssumeRole on resource: "
                        + unknown);
    }

    @Test
    void aTrustConditionOnTheExternalIdIsChecked() throws Exception {
        result(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "s1", "ExternalId", "xyz-42"), BOB)),
                "AssumeRole");
        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "s1", "ExternalId", "xyz-43"),
                BOB)), 403, "Sender", "AccessDenied",
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: " + READER_ARN);
    }

    @Test
    void aTrustPolicyNamingTheAccountNeedsTheCallersIdentityPolicyToo() throws Exception {
        String body = form("Action", "AssumeRole", "RoleArn", ACCOUNT_ROLE_ARN, "RoleSessionName", "s1");
        assertError(sts.handle(request(body, BOB)), 403, "Sender", "AccessDenied",
                "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: " + ACCOUNT_ROLE_ARN);
        PolicyDocument allow = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + ACCOUNT_ROLE_ARN + "\"}]}", PolicyKind.IDENTITY);
        callerPolicies = caller -> PolicySet.of(caller.equals(BOB) ? List.of(allow) : List.of());
        result(sts.handle(request(body, BOB)), "AssumeRole");
    }

    @Test
    void theRootMayNotAssumeRoles() throws Exception {
        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "s1"), ROOT)), 403, "Sender",
                "AccessDenied", "Roles may not be assumed by root accounts.");
    }

    @Test
    void theDurationIsLimitedByTheRolesMaximum() throws Exception {
        Element credentials = child(result(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "s1",
                "DurationSeconds", "7200"), ALICE)), "AssumeRole"), "Credentials");
        assertEquals("2026-05-01T14:00:00Z", text(credentials, "Expiration"));
        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "s1", "DurationSeconds", "7201"),
                ALICE)), 400, "Sender", "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "s1", "DurationSeconds", "43201"),
                ALICE)), 400, "Sender", "ValidationError", "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy "
                + "constraint: Member must have value less than or equal to 43200");
    }

    @Test
    void theSessionNameIsValidated() throws Exception {
        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "a b"), ALICE)), 400, "Sender",
                "ValidationError", "1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "a"), ALICE)), 400, "Sender",
                "ValidationError", "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 2");
        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN), ALICE)), 400, "Sender", "ValidationError",
                "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void aSessionPolicyIsParsedStoredAndCountedInThePackedSize() throws Exception {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}";
        Element result = result(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "s1",
                "Policy", policy), ALICE)), "AssumeRole");
        assertEquals(List.of("AssumedRoleUser", "Credentials", "PackedPolicySize"), childNames(result));
        assertEquals(Integer.toString((policy.length() * 100 + 2047) / 2048), text(result, "PackedPolicySize"));
        SessionInfo info = sessionKeys.findSession(text(child(result, "Credentials"), "AccessKeyId")).orElseThrow();
        assertTrue(info.hasSessionPolicies());
        assertEquals(policy, info.sessionPolicies().get(0).json());

        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "s1", "Policy", "{\"Version\":"),
                ALICE)), 400, "Sender", "MalformedPolicyDocument", "Syntax errors in policy.");
    }

    @Test
    void sessionTagsNeedTagSessionInTheTrustPolicy() throws Exception {
        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "s1",
                "Tags.member.1.Key", "team", "Tags.member.1.Value", "db"), ALICE)), 403, "Sender", "AccessDenied",
                "User: arn:aws:iam::123456789012:user/dev/alice is not authorized to perform: sts:TagSession on resource: " + READER_ARN);
    }

    @Test
    void aChainedRoleSessionInheritsTransitiveTagsAndLastsAtMostAnHour() throws Exception {
        PolicyDocument allow = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"],\"Resource\":\"*\"}]}", PolicyKind.IDENTITY);
        callerPolicies = caller -> PolicySet.of(List.of(allow));
        Element first = result(sts.handle(request(form("Action", "AssumeRole", "RoleArn", ACCOUNT_ROLE_ARN, "RoleSessionName", "chain",
                "Tags.member.1.Key", "team", "Tags.member.1.Value", "db", "Tags.member.2.Key", "cost", "Tags.member.2.Value", "7",
                "TransitiveTagKeys.member.1", "team"), ALICE)), "AssumeRole");
        Principal chainSession = sessionKeys.find(text(child(first, "Credentials"), "AccessKeyId")).principal();
        assertEquals("arn:aws:sts::123456789012:assumed-role/by-account/chain", chainSession.arn());

        assertError(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "next",
                "DurationSeconds", "3601"), chainSession)), 400, "Sender", "ValidationError",
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        // The reader role trusts this session by its ARN (and not the account): no identity policy needed.
        callerPolicies = CallerPolicies.NONE;
        Element second = result(sts.handle(request(form("Action", "AssumeRole", "RoleArn", READER_ARN, "RoleSessionName", "next",
                "Tags.member.1.Key", "env", "Tags.member.1.Value", "test"), chainSession)), "AssumeRole");
        SessionInfo info = sessionKeys.findSession(text(child(second, "Credentials"), "AccessKeyId")).orElseThrow();
        assertEquals(Map.of("team", "db", "env", "test"), info.tags());
        assertEquals(List.of("team"), info.session().transitiveTagKeys());
    }
}
