package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.itests.support.AuthorizerProbeBundle;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;

/**
 * The kms bundle's seam to an authorizer, in the assembled server: a third-party bundle
 * registering an {@code Authorizer} ({@link AuthorizerProbeBundle}, which allows a key's use only
 * where its key policy names the account root) is dropped into {@code deploy/} and taken out again
 * while the server runs. Bound, KMS requests are asked with the key policy and a denial reaches the
 * SDK as KMS's AccessDeniedException; the lockout check asks it too; unbound, the API is open again.
 * (auth-iam's own authorizer, which evaluates IAM and key policies for real, is tested with it.)
 */
class KmsAuthorizerBundleTest {

    private static final String BOB_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/bob\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] SECRET = "authorized".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static ModynServer server;
    private static KmsClient kms;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("kms-authorizer");
        kms = KmsApiTest.client(server);
    }

    @AfterAll
    static void stopServer() {
        if (kms != null) kms.close();
        if (server != null) server.close();
    }

    @Test
    void aDeployedAuthorizerIsAskedWithTheKeyPolicyAndItsDenialIsKmsAccessDenied() throws Exception {
        String keyId = kms.createKey(r -> r.description("authorized")).keyMetadata().keyId();
        String arn = "arn:aws:kms:" + server.region() + ":000000000000:key/" + keyId;
        String otherKeyId = kms.createKey(r -> r.description("other")).keyMetadata().keyId();

        Path deployed = deploy();
        SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET))).ciphertextBlob();

        kms.putKeyPolicy(r -> r.keyId(keyId).policyName("default").policy(BOB_ONLY).bypassPolicyLockoutSafetyCheck(true));
        KmsException denied = assertThrows(KmsException.class, () -> kms.decrypt(r -> r.ciphertextBlob(blob)));
        assertEquals(400, denied.statusCode());
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertEquals("User: arn:aws:iam::000000000000:root is not authorized to perform: kms:Decrypt on resource: " + arn
                + " because no resource-based policy allows the kms:Decrypt action", denied.awsErrorDetails().errorMessage());

        MalformedPolicyDocumentException lockout = assertThrows(MalformedPolicyDocumentException.class,
                () -> kms.putKeyPolicy(r -> r.keyId(otherKeyId).policyName("default").policy(BOB_ONLY)));
        assertEquals("The new key policy will not allow you to update the key policy in the future.", lockout.awsErrorDetails().errorMessage());

        Files.delete(deployed);
        Eventually.await("the authorizer bundle is gone", DEPLOY_TIMEOUT,
                () -> server.admin().bundle(AuthorizerProbeBundle.SYMBOLIC_NAME).isEmpty());
        Eventually.await("KMS is open again", DEPLOY_TIMEOUT, () -> {
            try {
                return java.util.Arrays.equals(SECRET, kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asByteArray());
            } catch (KmsException e) {
                return false;
            }
        });
        assertArrayEquals(SECRET, kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asByteArray());
    }

    /** Moves the bundle into deploy/ with one atomic rename and waits until it is ACTIVE. */
    private static Path deploy() throws IOException {
        Path staging = server.home().resolve("authorizer.jar.staging");
        Path target = server.home().resolve("deploy").resolve(AuthorizerProbeBundle.SYMBOLIC_NAME + ".jar");
        Files.write(staging, AuthorizerProbeBundle.jar());
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        try {
            Eventually.await("bundle " + AuthorizerProbeBundle.SYMBOLIC_NAME + " ACTIVE", DEPLOY_TIMEOUT,
                    () -> server.admin().bundle(AuthorizerProbeBundle.SYMBOLIC_NAME).filter(bundle -> bundle.isActive()).isPresent());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nServer log:\n" + server.logTail(), e);
        }
        return target;
    }
}
