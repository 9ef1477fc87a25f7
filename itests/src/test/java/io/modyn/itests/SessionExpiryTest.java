package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.FakeTime;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SignedClients;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Temporary credentials work until they expire and are then refused as AWS refuses them
 * ({@code ExpiredTokenException}, "The security token included in the request is expired"): an
 * AssumeRole session and a GetSessionToken session of the shortest duration (15 minutes) are used,
 * then the server is restarted with its clock 20 minutes ahead (libfaketime) and the same
 * credentials sign requests dated by that clock, so that nothing but the sessions' age can refuse
 * them, as the root's request beside them shows.
 */
class SessionExpiryTest {

    static final String ACCOUNT = "123456789012";
    static final Duration AHEAD = Duration.ofMinutes(20);

    @Test
    void roleAndUserSessionsWorkUntilTheyExpireThenAreRefusedAsExpired() {
        try (ModynServer server = ModynServer.startWithEnvironment("session-expiry", List.of("--auth", "iam", "--account-id", ACCOUNT),
                SignatureAuthenticationTest.ROOT_KEYS)) {
            Credentials roleSession;
            Credentials userSession;
            try (IamClient iam = SignedClients.iam(server, SignedClients.root())) {
                iam.createUser(request -> request.userName("lena"));
                iam.putUserPolicy(request -> request.userName("lena").policyName("work").policyDocument("""
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:ListTables", "Resource": "*"}]}"""));
                AccessKey lena = iam.createAccessKey(request -> request.userName("lena")).accessKey();
                iam.createRole(request -> request.roleName("lister").assumeRolePolicyDocument("""
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                          "Principal": {"AWS": "arn:aws:iam::%s:user/lena"}, "Action": "sts:AssumeRole"}]}""".formatted(ACCOUNT)));
                iam.putRolePolicy(request -> request.roleName("lister").policyName("list").policyDocument("""
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:ListTables", "Resource": "*"}]}"""));
                try (StsClient sts = SignedClients.sts(server, SignedClients.keys(lena.accessKeyId(), lena.secretAccessKey()))) {
                    roleSession = sts.assumeRole(request -> request.roleArn("arn:aws:iam::" + ACCOUNT + ":role/lister")
                            .roleSessionName("short").durationSeconds(900)).credentials();
                    userSession = sts.getSessionToken(request -> request.durationSeconds(900)).credentials();
                }
            }
            Instant now = Instant.now();
            assertEquals(200, listTables(server, session(roleSession), now).status(), "the role session works");
            assertEquals(200, listTables(server, session(userSession), now).status(), "the user session works");

            server.stop();
            server.restartWithEnvironment(FakeTime.ahead(AHEAD));
            Instant later = Instant.now().plus(AHEAD);
            assertEquals(200, listTables(server, root(), later).status(),
                    "the server's clock is ahead: a request dated by it is current, so only a session's age can refuse it");
            for (Credentials expired : List.of(roleSession, userSession)) {
                WireResponse refused = listTables(server, session(expired), later);
                assertEquals(400, refused.status(), refused.text());
                assertEquals("com.amazon.coral.service#ExpiredTokenException", refused.errorType());
                assertEquals("The security token included in the request is expired", refused.errorMessage());
            }
        }
    }

    private static WireResponse listTables(ModynServer server, AwsCredentialsIdentity credentials, Instant signedAt) {
        return new WireClient(server).post("ListTables").body("{}").signedBy(credentials).signedAt(signedAt).send();
    }

    private static AwsCredentialsIdentity session(Credentials credentials) {
        return AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    private static AwsCredentialsIdentity root() {
        return AwsCredentialsIdentity.create(SignedClients.root().accessKeyId(), SignedClients.root().secretAccessKey());
    }
}
