package io.modyn.itests;

import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestTables;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Resource-based policies of tables and streams through the AWS SDK for Java v2 and the AWS CLI, in
 * open mode: PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy with revision ids and
 * ExpectedRevisionId, CreateTable's ResourcePolicy, and DynamoDB's errors (messages as observed
 * against DynamoDB, see the engine's PolicyErrors). Policies survive a restart and go with their
 * table. This class runs its own server, since it restarts it.
 */
class ResourcePolicyTest {

    private static final String NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: ";

    private static ModynServer server;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("respolicy");
        dynamo = DynamoDbClients.withoutRetries(server);
    }

    @AfterAll
    static void stopServer() {
        if (dynamo != null) dynamo.close();
        if (server != null) server.close();
    }

    /** A table policy in DynamoDB's canonical form (minified, its key order), so that it reads back as sent. */
    private static String policy(String tableArn, String action) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"reader","Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::111122223333:role/reader"},\
                "Action":"%s","Resource":["%s","%s/index/*"]}]}""".formatted(action, tableArn, tableArn);
    }

    private static String newTableArn(String purpose) {
        String name = TestTables.createHashTable(dynamo, purpose, ScalarAttributeType.S);
        return dynamo.describeTable(d -> d.tableName(name)).table().tableArn();
    }

    private static String put(String arn, String document) {
        return dynamo.putResourcePolicy(p -> p.resourceArn(arn).policy(document)).revisionId();
    }

    @Test
    void aPolicyIsPutReadBackAndDeleted() {
        String arn = newTableArn("policy");
        String document = policy(arn, "dynamodb:GetItem");

        String revision = put(arn, document);
        var got = dynamo.getResourcePolicy(g -> g.resourceArn(arn));
        assertEquals(document, got.policy());
        assertEquals(revision, got.revisionId());

        assertEquals(revision, dynamo.deleteResourcePolicy(d -> d.resourceArn(arn)).revisionId());
        assertDynamoError(PolicyNotFoundException.class, "PolicyNotFoundException", NOT_FOUND + arn,
                () -> dynamo.getResourcePolicy(g -> g.resourceArn(arn)));
        // Deleting again succeeds, answering the deletion's own revision id.
        String deletion = dynamo.deleteResourcePolicy(d -> d.resourceArn(arn)).revisionId();
        assertTrue(Long.parseLong(deletion) > Long.parseLong(revision), deletion);
    }

    @Test
    void aPolicyReadsBackInCanonicalFormAndAnEquivalentOneChangesNothing() {
        String arn = newTableArn("canonical");
        String pretty = """
                {
                  "Statement": [ { "Resource": "%s", "Action": [ "dynamodb:GetItem" ],
                                   "Principal": { "AWS": "111122223333" }, "Effect": "Allow" } ],
                  "Version": "2012-10-17"
                }""".formatted(arn);
        String revision = put(arn, pretty);

        String canonical = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"" + arn + "\"}]}";
        assertEquals(canonical, dynamo.getResourcePolicy(g -> g.resourceArn(arn)).policy());
        assertEquals(revision, put(arn, canonical));
    }

    @Test
    void deletingWhereThereNeverWasAPolicySucceedsWithoutRevision() {
        String arn = newTableArn("never");
        assertNull(dynamo.deleteResourcePolicy(d -> d.resourceArn(arn)).revisionId());
    }

    @Test
    void revisionsChangeWithTheDocumentAndGuardConditionalChanges() {
        String arn = newTableArn("revisions");
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        String first = dynamo.putResourcePolicy(p -> p.resourceArn(arn).policy(policy(arn, "dynamodb:GetItem")).expectedRevisionId("NO_POLICY"))
                .revisionId();
        assertEquals(first, put(arn, policy(arn, "dynamodb:GetItem")), "the same document keeps its revision");
        String second = put(arn, policy(arn, "dynamodb:PutItem"));
        assertNotEquals(first, second);
        assertTrue(Long.parseLong(second) > Long.parseLong(first), first + " then " + second);

        assertDynamoError(PolicyNotFoundException.class, "PolicyNotFoundException", NOT_FOUND + "Requested update for policy with revision id "
                        + first + ", but the policy associated to target table " + name + " has revision id " + second + ".",
                () -> dynamo.putResourcePolicy(p -> p.resourceArn(arn).policy(policy(arn, "dynamodb:Scan")).expectedRevisionId(first)));
        assertDynamoError(PolicyNotFoundException.class, "PolicyNotFoundException", NOT_FOUND + "Requested policy update expecting none to be "
                        + "present for table " + name + ", but a policy exists with revision id " + second + ".",
                () -> dynamo.putResourcePolicy(p -> p.resourceArn(arn).policy(policy(arn, "dynamodb:Scan")).expectedRevisionId("NO_POLICY")));
        assertDynamoError(PolicyNotFoundException.class, "PolicyNotFoundException", NOT_FOUND + "Requested update for policy with revision id "
                        + first + ", but the policy associated to target table " + name + " has revision id " + second + ".",
                () -> dynamo.deleteResourcePolicy(d -> d.resourceArn(arn).expectedRevisionId(first)));

        String third = dynamo.putResourcePolicy(p -> p.resourceArn(arn).policy(policy(arn, "dynamodb:Query")).expectedRevisionId(second))
                .revisionId();
        assertEquals(policy(arn, "dynamodb:Query"), dynamo.getResourcePolicy(g -> g.resourceArn(arn)).policy());
        assertEquals(third, dynamo.deleteResourcePolicy(d -> d.resourceArn(arn).expectedRevisionId(third)).revisionId());
    }

    @Test
    void unknownTablesIndexArnsAndMalformedDocumentsAreRefused() {
        String arn = newTableArn("refusals");
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found: Table: " + name + "_ not found",
                () -> put(arn + "_", policy(arn, "dynamodb:GetItem")));
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found: Table: " + name + "x not found",
                () -> dynamo.getResourcePolicy(g -> g.resourceArn(arn + "x")));
        assertValidationError("One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted. "
                + "Provided resource arn: " + arn + "/index/byName", () -> put(arn + "/index/byName", policy(arn, "dynamodb:Query")));
        assertValidationError("One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json",
                () -> put(arn, "{\"Statement\":"));
        assertValidationError("One or more parameter values were invalid: Invalid policy document: "
                + "The following action names are invalid: \"dynamodb:ListStreams\"", () -> put(arn, policy(arn, "dynamodb:ListStreams")));
        assertValidationError("One or more parameter values were invalid: Invalid policy document: Missing required field Principal",
                () -> put(arn, "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}}"));
        String tooLarge = policy(arn, "dynamodb:GetItem") + " ".repeat(20 * 1024);
        assertValidationError("One or more parameter values were invalid: Maximum policy size of 20480 bytes exceeded", () -> put(arn, tooLarge));
        assertValidationError("Resource-based policy grants unbounded access in one or more elements. "
                + "Please revise the policy to ensure least-privilege form of access",
                () -> put(arn, policy(arn, "dynamodb:GetItem").replace("arn:aws:iam::111122223333:role/reader", "*")));
        assertDynamoError(PolicyNotFoundException.class, "PolicyNotFoundException", NOT_FOUND + arn,
                () -> dynamo.getResourcePolicy(g -> g.resourceArn(arn)));
    }

    @Test
    void aStreamCarriesItsOwnPolicy() {
        String name = TestTables.uniqueName("stream-policy");
        dynamo.createTable(c -> c.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        var table = TestTables.awaitActive(dynamo, name);
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::111122223333:root\"},\"Action\":[\"dynamodb:DescribeStream\",\"dynamodb:GetRecords\","
                + "\"dynamodb:GetShardIterator\"],\"Resource\":\"" + table.latestStreamArn() + "\"}]}";

        String revision = put(table.latestStreamArn(), document);

        var got = dynamo.getResourcePolicy(g -> g.resourceArn(table.latestStreamArn()));
        assertEquals(document, got.policy());
        assertEquals(revision, got.revisionId());
        // A table's policy names table actions only.
        assertValidationError("One or more parameter values were invalid: Invalid policy document: "
                + "The following action names are invalid: \"dynamodb:DescribeStream\", \"dynamodb:GetRecords\", \"dynamodb:GetShardIterator\"",
                () -> put(table.tableArn(), document));
        assertDynamoError(PolicyNotFoundException.class, "PolicyNotFoundException", NOT_FOUND + table.tableArn(),
                () -> dynamo.getResourcePolicy(g -> g.resourceArn(table.tableArn())));
    }

    @Test
    void createTableAttachesItsResourcePolicyWhichGoesWithTheTable() {
        String name = TestTables.uniqueName("created-policy");
        // The table's ARN is not known before it exists; a policy may name it with wildcards.
        String document = policy("arn:aws:dynamodb:*:*:table/" + name, "dynamodb:*");
        dynamo.createTable(c -> c.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .resourcePolicy(document));
        String tableArn = TestTables.awaitActive(dynamo, name).tableArn();
        assertEquals(document, dynamo.getResourcePolicy(g -> g.resourceArn(tableArn)).policy());

        dynamo.deleteTable(d -> d.tableName(name));
        dynamo.createTable(c -> c.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH)));
        TestTables.awaitActive(dynamo, name);
        assertDynamoError(PolicyNotFoundException.class, "PolicyNotFoundException", NOT_FOUND + tableArn,
                () -> dynamo.getResourcePolicy(g -> g.resourceArn(tableArn)));
    }

    @Test
    void policiesSurviveARestart() {
        String arn = newTableArn("restart-policy");
        String document = policy(arn, "dynamodb:BatchGetItem");
        String revision = put(arn, document);

        server.stop();
        server.restart();
        // The pooled connections died with the old process: the other tests get a fresh client too.
        dynamo.close();
        dynamo = DynamoDbClients.withoutRetries(server);

        var got = dynamo.getResourcePolicy(g -> g.resourceArn(arn));
        assertEquals(document, got.policy());
        assertEquals(revision, got.revisionId());
    }

    @Test
    void theAwsCliPutsGetsAndDeletesPolicies() {
        Optional<Path> executable = AwsCli.findOnPath();
        if (executable.isEmpty()) {
            String message = "The AWS CLI (aws) is not on the PATH: the CLI part of ResourcePolicyTest cannot run.";
            if (System.getenv("CI") != null) fail(message + " CI is set, so this is a failure: install the AWS CLI.");
            Assumptions.abort(message);
        }
        AwsCli aws = AwsCli.of(executable.get(), server, Path.of("target", "aws-cli-respolicy").toAbsolutePath());
        String arn = newTableArn("cli-policy");
        String document = policy(arn, "dynamodb:GetItem");

        JsonObject put = aws.run("dynamodb", "put-resource-policy", "--resource-arn", arn, "--policy", document);
        String revision = put.getString("RevisionId");
        JsonObject got = aws.run("dynamodb", "get-resource-policy", "--resource-arn", arn);
        assertEquals(document, got.getString("Policy"));
        assertEquals(revision, got.getString("RevisionId"));
        JsonObject deleted = aws.run("dynamodb", "delete-resource-policy", "--resource-arn", arn, "--expected-revision-id", revision);
        assertEquals(revision, deleted.getString("RevisionId"));
        assertDynamoError(PolicyNotFoundException.class, "PolicyNotFoundException", NOT_FOUND + arn,
                () -> dynamo.getResourcePolicy(g -> g.resourceArn(arn)));
    }
}
