package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.Principal;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.credentials.RootCredentials;
import io.modyn.auth.iam.sigv4.SigV4Verifier;
import io.modyn.auth.iam.sigv4.SigningServices;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint with authentication on, over real HTTP: requests signed by the AWS SDK's signer are
 * checked by auth-iam's real SigV4 verifier (the Authenticator the server binds with --auth iam),
 * on top of the token. The account root is served; unsigned requests, wrong secrets and other
 * services' signatures are refused; an IAM user gets only what the authorizer allows, and nothing
 * without one; with authentication required but no authenticator bound, nothing is served.
 */
class AdminAccessTest {

    static final String ACCOUNT = "123456789012";
    static final String ROOT_KEY = "AKIAMODYNADMINROOT01";
    static final String ROOT_SECRET = "root/secret+key/of/the/account/000000000";
    static final String ALICE_KEY = "AKIAMODYNADMINALICE1";
    static final String ALICE_SECRET = "alice/secret+key/0000000000000000000000";
    static final String ALICE_ARN = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    static final String STORAGE_ARN = "arn:aws:modyn:eu-west-1:" + ACCOUNT + ":bundle/io.modyn.storage.file";

    @TempDir
    Path directory;

    private final FakeFramework framework = new FakeFramework()
            .bundle(0, "org.apache.felix.framework")
            .bundle(4, "io.modyn.storage.file")
            .bundle(5, "io.modyn.engine");
    private final AtomicReference<Authenticator> authenticator = new AtomicReference<>(verifyingAuthenticator());
    private final AtomicReference<Authorizer> authorizer = new AtomicReference<>();
    private AdminEndpoint endpoint;
    private String token;

    @BeforeEach
    void start() throws IOException {
        startEndpoint(false);
    }

    private void startEndpoint(boolean authenticationRequired) throws IOException {
        AdminToken adminToken = AdminToken.loadOrCreate(directory.resolve("admin-token"));
        token = Files.readString(adminToken.file()).trim();
        AdminAccess access = new AdminAccess(authenticator::get, authorizer::get, authenticationRequired, "eu-west-1");
        endpoint = AdminEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new AdminHttpHandler(new BundleAdmin(framework.context(3)), adminToken,
                        new InstallLocationPolicy(List.of(directory)), access, Duration.ZERO));
    }

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    @Test
    void requestsSignedByTheRootAreServed() throws IOException {
        RawHttp.Response listing = signed("GET", "/bundles?format=json", ROOT_KEY, ROOT_SECRET);
        assertEquals(200, listing.status(), listing.body());
        assertTrue(listing.body().contains("io.modyn.engine"), listing.body());
        RawHttp.Response started = signed("POST", "/bundles/io.modyn.storage.file/start?format=json", ROOT_KEY, ROOT_SECRET);
        assertEquals(200, started.status(), started.body());
        assertEquals(List.of("start 4"), framework.calls);
    }

    @Test
    void unsignedRequestWithTheRightTokenIsRefused() throws IOException {
        RawHttp.Response response = RawHttp.exchange(port(), "POST /bundles/4/start HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nAuthorization: Bearer " + token, "");
        assertEquals(403, response.status(), response.body());
        assertTrue(response.body().contains("Signature Version 4"), response.body());
        assertTrue(response.body().contains("MODYN_ROOT_ACCESS_KEY_ID"), "says how to sign: " + response.body());
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void wrongSecretIsRefused() throws IOException {
        RawHttp.Response response = signed("POST", "/bundles/4/start", ROOT_KEY, ROOT_SECRET.replace('0', '1'));
        assertEquals(403, response.status(), response.body());
        assertTrue(response.body().contains("InvalidSignatureException"), response.body());
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void signatureForAnotherServiceIsRefused() throws IOException {
        RawHttp.Response response = RawHttp.exchange(port(), SdkSignedRequests.head("POST", port(), "/bundles/4/start",
                "dynamodb", ROOT_KEY, ROOT_SECRET, Map.of(AdminToken.HEADER, token)).stripTrailing(), "");
        assertEquals(403, response.status(), response.body());
        assertTrue(response.body().contains("Credential should be scoped to correct service: 'modyn'"), response.body());
        assertTrue(response.body().contains("region 'eu-west-1'"), "names the region to sign for: " + response.body());
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void signedRequestStillNeedsTheToken() throws IOException {
        RawHttp.Response missing = RawHttp.exchange(port(), SdkSignedRequests.head("GET", port(), "/bundles",
                "modyn", ROOT_KEY, ROOT_SECRET, Map.of()).stripTrailing(), "");
        assertEquals(401, missing.status(), missing.body());
        RawHttp.Response wrong = RawHttp.exchange(port(), SdkSignedRequests.head("GET", port(), "/bundles",
                "modyn", ROOT_KEY, ROOT_SECRET, Map.of(AdminToken.HEADER, "f".repeat(64))).stripTrailing(), "");
        assertEquals(403, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("Wrong admin token"), wrong.body());
    }

    @Test
    void aUserIsRefusedWhileNoAuthorizerIsBound() throws IOException {
        RawHttp.Response response = signed("POST", "/bundles/4/start", ALICE_KEY, ALICE_SECRET);
        assertEquals(403, response.status(), response.body());
        assertTrue(response.body().contains(ALICE_ARN) && response.body().contains("modyn:StartBundle")
                && response.body().contains("only the account root"), response.body());
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void aUserGetsWhatTheAuthorizerAllowsAndNothingElse() throws IOException {
        RecordingAuthorizer policy = new RecordingAuthorizer(Set.of("modyn:StartBundle " + STORAGE_ARN, "modyn:ListBundles *"));
        authorizer.set(policy);

        RawHttp.Response started = signed("POST", "/bundles/4/start", ALICE_KEY, ALICE_SECRET);
        assertEquals(200, started.status(), started.body());
        assertEquals(List.of("start 4"), framework.calls);
        assertEquals(200, signed("GET", "/bundles", ALICE_KEY, ALICE_SECRET).status());

        RawHttp.Response stopped = signed("POST", "/bundles/io.modyn.storage.file/stop", ALICE_KEY, ALICE_SECRET);
        assertEquals(403, stopped.status(), stopped.body());
        assertTrue(stopped.body().contains("is not authorized to perform: modyn:StopBundle on resource: " + STORAGE_ARN),
                stopped.body());
        RawHttp.Response engine = signed("POST", "/bundles/5/start", ALICE_KEY, ALICE_SECRET);
        assertEquals(403, engine.status(), engine.body());
        assertEquals(List.of("start 4"), framework.calls, "nothing more happened");

        assertEquals(List.of("modyn:StartBundle " + STORAGE_ARN, "modyn:ListBundles *", "modyn:StopBundle " + STORAGE_ARN,
                "modyn:StartBundle arn:aws:modyn:eu-west-1:" + ACCOUNT + ":bundle/io.modyn.engine"), policy.asked);
        assertEquals(ALICE_ARN, policy.principals.get(0).arn());
    }

    @Test
    void theRootNeedsNoAuthorizerAllow() throws IOException {
        RecordingAuthorizer denyAll = new RecordingAuthorizer(Set.of());
        authorizer.set(denyAll);
        assertEquals(200, signed("POST", "/bundles/4/start", ROOT_KEY, ROOT_SECRET).status());
        assertEquals(List.of(), denyAll.asked);
    }

    @Test
    void withAuthenticationRequiredNothingIsServedUntilTheAuthenticatorIsBound() throws IOException {
        endpoint.stop();
        authenticator.set(null);
        startEndpoint(true);
        RawHttp.Response unsigned = RawHttp.exchange(port(), "GET /bundles HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nAuthorization: Bearer " + token, "");
        assertEquals(503, unsigned.status(), unsigned.body());
        assertEquals("1", unsigned.header("Retry-After"));
        assertEquals(503, signed("POST", "/bundles/4/start", ROOT_KEY, ROOT_SECRET).status());
        assertEquals(List.of(), framework.calls);

        authenticator.set(verifyingAuthenticator());
        assertEquals(200, signed("POST", "/bundles/4/start", ROOT_KEY, ROOT_SECRET).status());
    }

    @Test
    void aFailingAuthenticatorOrAuthorizerRefuses() throws IOException {
        authorizer.set((context, requests, tags, policies) -> {
            throw new IllegalStateException("policy store down");
        });
        RawHttp.Response byUser = signed("POST", "/bundles/4/start", ALICE_KEY, ALICE_SECRET);
        assertEquals(503, byUser.status(), byUser.body());
        assertTrue(byUser.body().contains("authorizer failed"), byUser.body());
        authenticator.set(request -> {
            throw new IllegalStateException("key store down");
        });
        assertEquals(503, signed("POST", "/bundles/4/start", ROOT_KEY, ROOT_SECRET).status());
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void withoutAuthenticationTheTokenAloneAdmitsAndASignatureIsIgnored() throws IOException {
        authenticator.set(null);
        assertEquals(200, RawHttp.exchange(port(), "GET /bundles HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nAuthorization: Bearer " + token, "").status());
        assertEquals(200, signed("GET", "/bundles", ALICE_KEY, "any secret").status());
    }

    private RawHttp.Response signed(String method, String pathAndQuery, String accessKeyId, String secret) throws IOException {
        return RawHttp.exchange(port(), SdkSignedRequests.head(method, port(), pathAndQuery, "modyn", accessKeyId, secret,
                Map.of(AdminToken.HEADER, token)).stripTrailing(), "");
    }

    private int port() {
        return endpoint.address().getPort();
    }

    /** auth-iam's verifier with the root's key and one user's, as the server's authenticator has them. */
    private static Authenticator verifyingAuthenticator() {
        RootCredentials root = new RootCredentials(ACCOUNT, ROOT_KEY, ROOT_SECRET);
        Credential alice = new Credential(ALICE_KEY, ALICE_SECRET, new Principal(ACCOUNT, ALICE_ARN, ALICE_KEY, "AIDAALICE"));
        SigV4Verifier verifier = new SigV4Verifier("us-east-1",
                key -> key.equals(ALICE_KEY) ? alice : root.find(key), SigningServices::accepted, Clock.systemUTC());
        return request -> verifier.verify(request).principal();
    }

    /** Allows the listed "action resource" pairs, refuses the rest as IAM words it, and records what it was asked. */
    private static final class RecordingAuthorizer implements Authorizer {

        final List<String> asked = new CopyOnWriteArrayList<>();
        final List<Principal> principals = new CopyOnWriteArrayList<>();
        private final Set<String> allowed;

        RecordingAuthorizer(Set<String> allowed) {
            this.allowed = allowed;
        }

        @Override
        public void authorize(RequestContext context, List<AuthorizationRequest> requests,
                              io.modyn.api.auth.ResourceTags resourceTags, io.modyn.api.auth.ResourcePolicies resourcePolicies) {
            principals.add(context.principal());
            for (AuthorizationRequest request : requests) {
                asked.add(request.action() + " " + request.resource());
                if (!allowed.contains(request.action() + " " + request.resource())) {
                    throw new DynamoException(ErrorType.ACCESS_DENIED, "User: " + context.principal().arn()
                            + " is not authorized to perform: " + request.action() + " on resource: " + request.resource()
                            + " because no identity-based policy allows the " + request.action() + " action");
                }
            }
        }
    }
}
