package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SignedClients;
import io.modyn.itests.support.StorageBackend;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * IAM policies on a server started with {@code --auth iam}: inline user policies, managed policies
 * with versions, attachments and SimulatePrincipalPolicy through the AWS SDK's {@link IamClient}
 * and the AWS CLI (which decodes the URL-encoded documents IAM returns), IAM's errors as AWS sends
 * them, and on PostgreSQL a policy attached on one node counted and refused deletion on another, and
 * attached from both nodes at once without losing a count.
 */
class IamPoliciesTest {

    static final String ACCOUNT = IamUsersTest.ACCOUNT;
    static final String READ = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Read\", \"Effect\": \"Allow\", "
            + "\"Action\": [\"dynamodb:GetItem\", \"dynamodb:Query\"], \"Resource\": \"arn:aws:dynamodb:*:*:table/orders\"}]}";
    static final String NO_DELETES = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"dynamodb:DeleteItem\","
            + "\"Resource\":\"*\"}]}";
    static final String TABLE = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders";

    private static ModynServer server;

    @BeforeAll
    static void startServerWithAuthentication() {
        server = ModynServer.startWithEnvironment("iam-policies", List.of("--auth", "iam", "--account-id", ACCOUNT),
                SignatureAuthenticationTest.ROOT_KEYS);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void inlineUserPoliciesArePutReadBackListedAndBlockDeletingTheUser() {
        try (IamClient iam = iam(server)) {
            iam.createUser(request -> request.userName("ana"));
            iam.putUserPolicy(request -> request.userName("ana").policyName("read").policyDocument(READ));
            String document = iam.getUserPolicy(request -> request.userName("ana").policyName("read")).policyDocument();
            assertTrue(document.startsWith("%7B%22Version%22"), "IAM returns the document URL-encoded: " + document);
            assertEquals(READ, URLDecoder.decode(document, StandardCharsets.UTF_8));
            assertEquals(List.of("read"), iam.listUserPolicies(request -> request.userName("ana")).policyNames());

            DeleteConflictException conflict = assertThrows(DeleteConflictException.class, () -> iam.deleteUser(request -> request.userName("ana")));
            assertError(conflict, 409, "DeleteConflict", "Cannot delete entity, must delete policies first.");
            MalformedPolicyDocumentException malformed = assertThrows(MalformedPolicyDocumentException.class,
                    () -> iam.putUserPolicy(request -> request.userName("ana").policyName("bad").policyDocument("{\"Statement\": [")));
            assertError(malformed, 400, "MalformedPolicyDocument", "Syntax errors in policy.");
            String big = READ.replace("dynamodb:Query", "dynamodb:Query" + "x".repeat(2000));
            LimitExceededException limit = assertThrows(LimitExceededException.class,
                    () -> iam.putUserPolicy(request -> request.userName("ana").policyName("big").policyDocument(big)));
            assertError(limit, 409, "LimitExceeded", "Maximum policy size of 2048 bytes exceeded for user ana");
            NoSuchEntityException missing = assertThrows(NoSuchEntityException.class,
                    () -> iam.getUserPolicy(request -> request.userName("ana").policyName("write")));
            assertError(missing, 404, "NoSuchEntity", "The user policy with name write cannot be found.");

            iam.deleteUserPolicy(request -> request.userName("ana").policyName("read"));
            iam.deleteUser(request -> request.userName("ana"));
        }
    }

    @Test
    void managedPoliciesHaveVersionsAreAttachedCountedAndSimulated() {
        try (IamClient iam = iam(server)) {
            iam.createUser(request -> request.userName("ben"));
            Policy policy = iam.createPolicy(request -> request.policyName("OrdersReader").path("/app/").description("orders")
                    .policyDocument(READ)).policy();
            String arn = "arn:aws:iam::" + ACCOUNT + ":policy/app/OrdersReader";
            assertEquals(arn, policy.arn());
            assertTrue(policy.policyId().startsWith("ANPA"), policy.policyId());
            assertEquals("v1", policy.defaultVersionId());

            PolicyVersion v2 = iam.createPolicyVersion(request -> request.policyArn(arn).policyDocument(NO_DELETES).setAsDefault(false))
                    .policyVersion();
            assertEquals("v2", v2.versionId());
            assertEquals(List.of("v2", "v1"), iam.listPolicyVersions(request -> request.policyArn(arn)).versions().stream()
                    .map(PolicyVersion::versionId).toList());
            assertEquals(NO_DELETES, URLDecoder.decode(iam.getPolicyVersion(request -> request.policyArn(arn).versionId("v2"))
                    .policyVersion().document(), StandardCharsets.UTF_8));
            iam.deletePolicyVersion(request -> request.policyArn(arn).versionId("v2"));

            iam.attachUserPolicy(request -> request.userName("ben").policyArn(arn));
            assertEquals(List.of(arn), iam.listAttachedUserPolicies(request -> request.userName("ben")).attachedPolicies().stream()
                    .map(attached -> attached.policyArn()).toList());
            assertEquals(1, iam.getPolicy(request -> request.policyArn(arn)).policy().attachmentCount());
            assertTrue(iam.listPolicies(request -> request.onlyAttached(true)).policies().stream().anyMatch(p -> p.arn().equals(arn)));
            iam.putUserPolicy(request -> request.userName("ben").policyName("no-deletes").policyDocument(NO_DELETES));

            List<EvaluationResult> results = iam.simulatePrincipalPolicy(request -> request
                    .policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/ben")
                    .actionNames("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem")
                    .resourceArns(TABLE)).evaluationResults();
            assertEquals(List.of(PolicyEvaluationDecisionType.ALLOWED, PolicyEvaluationDecisionType.EXPLICIT_DENY,
                    PolicyEvaluationDecisionType.IMPLICIT_DENY), results.stream().map(EvaluationResult::evalDecision).toList());
            assertEquals("OrdersReader", results.get(0).matchedStatements().get(0).sourcePolicyId());

            DeleteConflictException attached = assertThrows(DeleteConflictException.class, () -> iam.deletePolicy(request -> request.policyArn(arn)));
            assertError(attached, 409, "DeleteConflict", "Cannot delete a policy attached to entities.");
            NoSuchEntityException unknown = assertThrows(NoSuchEntityException.class, () -> iam.attachUserPolicy(request -> request
                    .userName("ben").policyArn("arn:aws:iam::" + ACCOUNT + ":policy/Nothing")));
            assertError(unknown, 404, "NoSuchEntity", "Policy arn:aws:iam::" + ACCOUNT + ":policy/Nothing does not exist or is not attachable.");

            iam.detachUserPolicy(request -> request.userName("ben").policyArn(arn));
            iam.deleteUserPolicy(request -> request.userName("ben").policyName("no-deletes"));
            iam.deletePolicy(request -> request.policyArn(arn));
            iam.deleteUser(request -> request.userName("ben"));
        }
    }

    @Test
    void theAwsCliPutsCreatesAttachesAndSimulates() {
        AwsCli aws = awsCli();
        aws.run("iam", "create-user", "--user-name", "cleo");
        aws.run("iam", "put-user-policy", "--user-name", "cleo", "--policy-name", "read", "--policy-document", READ);
        JsonObject got = aws.run("iam", "get-user-policy", "--user-name", "cleo", "--policy-name", "read");
        // The CLI decodes the URL-encoded document into JSON: spaces must have come as %20, not +.
        JsonObject statement = got.getJsonObject("PolicyDocument").getJsonArray("Statement").getJsonObject(0);
        assertEquals("Read", statement.getString("Sid"));
        assertEquals("arn:aws:dynamodb:*:*:table/orders", statement.getString("Resource"));

        JsonObject created = aws.run("iam", "create-policy", "--policy-name", "CliNoDeletes", "--policy-document", NO_DELETES)
                .getJsonObject("Policy");
        String arn = created.getString("Arn");
        assertEquals("arn:aws:iam::" + ACCOUNT + ":policy/CliNoDeletes", arn);
        aws.run("iam", "attach-user-policy", "--user-name", "cleo", "--policy-arn", arn);
        List<String> attached = new ArrayList<>();
        aws.run("iam", "list-attached-user-policies", "--user-name", "cleo").getJsonArray("AttachedPolicies")
                .forEach(entry -> attached.add(entry.asJsonObject().getString("PolicyName")));
        assertEquals(List.of("CliNoDeletes"), attached);

        JsonObject simulated = aws.run("iam", "simulate-principal-policy", "--policy-source-arn", "arn:aws:iam::" + ACCOUNT + ":user/cleo",
                "--action-names", "dynamodb:Query", "dynamodb:DeleteItem", "dynamodb:Scan", "--resource-arns", TABLE);
        List<String> decisions = new ArrayList<>();
        simulated.getJsonArray("EvaluationResults").forEach(entry -> decisions.add(entry.asJsonObject().getString("EvalDecision")));
        assertEquals(List.of("allowed", "explicitDeny", "implicitDeny"), decisions);

        String readOnly = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess";
        aws.run("iam", "attach-user-policy", "--user-name", "cleo", "--policy-arn", readOnly);
        JsonObject scan = aws.run("iam", "simulate-principal-policy", "--policy-source-arn", "arn:aws:iam::" + ACCOUNT + ":user/cleo",
                "--action-names", "dynamodb:Scan", "--resource-arns", TABLE).getJsonArray("EvaluationResults").getJsonObject(0);
        assertEquals("allowed", scan.getString("EvalDecision"));
        assertEquals("AmazonDynamoDBReadOnlyAccess", scan.getJsonArray("MatchedStatements").getJsonObject(0).getString("SourcePolicyId"));
        aws.run("iam", "detach-user-policy", "--user-name", "cleo", "--policy-arn", readOnly);
        aws.run("iam", "detach-user-policy", "--user-name", "cleo", "--policy-arn", arn);
        aws.run("iam", "delete-policy", "--policy-arn", arn);
        aws.run("iam", "delete-user-policy", "--user-name", "cleo", "--policy-name", "read");
        aws.run("iam", "delete-user", "--user-name", "cleo");
    }

    @Test
    void onPostgresAPolicyAttachedOnOneNodeIsCountedAndHeldOnAnother() throws Exception {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.POSTGRES, "two nodes share a database only on PostgreSQL");
        Path keyFile = Path.of("target", "iam-policies-shared-secret.key").toAbsolutePath();
        Files.deleteIfExists(keyFile);
        Map<String, String> environment = new HashMap<>(SignatureAuthenticationTest.ROOT_KEYS);
        environment.put("MODYN_IAM_SECRET_KEY_FILE", keyFile.toString());
        List<String> options = List.of("--auth", "iam", "--account-id", ACCOUNT);
        try (ModynServer nodeA = ModynServer.startWithEnvironment("iam-policies-a", options, environment);
             ModynServer nodeB = ModynServer.startSharingDatabase("iam-policies-b", nodeA, options, environment);
             IamClient iamA = iam(nodeA);
             IamClient iamB = iam(nodeB)) {
            iamA.createUser(request -> request.userName("dora"));
            String arn = iamA.createPolicy(request -> request.policyName("Shared").policyDocument(READ)).policy().arn();
            iamB.attachUserPolicy(request -> request.userName("dora").policyArn(arn));
            assertEquals(1, iamA.getPolicy(request -> request.policyArn(arn)).policy().attachmentCount());
            assertThrows(DeleteConflictException.class, () -> iamA.deletePolicy(request -> request.policyArn(arn)));
            assertThrows(DeleteConflictException.class, () -> iamA.deleteUser(request -> request.userName("dora")));
            assertEquals(PolicyEvaluationDecisionType.ALLOWED, iamA.simulatePrincipalPolicy(request -> request
                    .policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/dora").actionNames("dynamodb:Query").resourceArns(TABLE))
                    .evaluationResults().get(0).evalDecision());
            iamA.detachUserPolicy(request -> request.userName("dora").policyArn(arn));
            assertEquals(0, iamB.getPolicy(request -> request.policyArn(arn)).policy().attachmentCount());

            // Both nodes attach the one policy at once: the count, kept under the policy record's lock, loses none.
            List<String> names = List.of("p0", "p1", "p2", "p3", "p4", "p5");
            for (String name : names) iamA.createUser(request -> request.userName(name));
            ExecutorService pool = Executors.newFixedThreadPool(names.size());
            try {
                List<Future<?>> attaches = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    IamClient node = i % 2 == 0 ? iamA : iamB;
                    String name = names.get(i);
                    attaches.add(pool.submit(() -> node.attachUserPolicy(request -> request.userName(name).policyArn(arn))));
                }
                for (Future<?> attach : attaches) attach.get();
            } finally {
                pool.shutdownNow();
            }
            assertEquals(names.size(), iamB.getPolicy(request -> request.policyArn(arn)).policy().attachmentCount());
            for (String name : names) {
                iamB.detachUserPolicy(request -> request.userName(name).policyArn(arn));
                iamA.deleteUser(request -> request.userName(name));
            }
            iamB.deletePolicy(request -> request.policyArn(arn));
            iamB.deleteUser(request -> request.userName("dora"));
        }
    }

    private static void assertError(AwsServiceException error, int status, String code, String message) {
        assertEquals(status, error.statusCode());
        assertEquals(code, error.awsErrorDetails().errorCode());
        assertEquals(message, error.awsErrorDetails().errorMessage());
    }

    private static IamClient iam(ModynServer target) {
        return SignedClients.iam(target, SignedClients.root());
    }

    private static AwsCli awsCli() {
        return AwsCli.required(server, "iam-policies");
    }
}
