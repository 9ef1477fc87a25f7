package io.modyn.engine.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteResourcePolicyRequest;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.GetResourcePolicyRequest;
import io.modyn.api.dynamodb.GetResourcePolicyResponse;
import io.modyn.api.dynamodb.PutResourcePolicyRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ItemWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy and CreateTable's ResourcePolicy, with DynamoDB's errors. */
class ResourcePolicyOperationsTest {

    private static final RequestContext CONTEXT = new RequestContext("test", null);
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/things";
    private static final String NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: ";

    private InMemoryStorageEngine memory;
    private StorageBinding storage;
    private DynamoDbEngine engine;

    @BeforeEach
    void createTable() {
        memory = new InMemoryStorageEngine();
        storage = new StorageBinding();
        storage.bind(memory);
        engine = new DynamoDbEngine(storage, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of()));
        create("things", null, null);
    }

    /** A table policy as a client might send it: pretty-printed, keys in another order, one-element lists. */
    static String policy(String action) {
        return """
                {"Statement": [{"Resource": ["%s"], "Action": ["%s"], "Sid": "s1", "Effect": "allow",
                  "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:root"]}}],
                 "Version": "2012-10-17"}""".formatted(ARN, action);
    }

    /** The same policy in DynamoDB's canonical form, as GetResourcePolicy answers it. */
    static String canonical(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"s1\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"" + action + "\",\"Resource\":\"" + ARN + "\"}]}";
    }

    @Test
    void aPutPolicyIsReadBackInCanonicalFormWithItsRevision() {
        String revision = put(ARN, policy("dynamodb:GetItem"), null);
        GetResourcePolicyResponse got = get(ARN);
        assertEquals(canonical("dynamodb:GetItem"), got.policy());
        assertEquals(revision, got.revisionId());
        assertTrue(revision.matches("\\d{13}"), revision);
    }

    @Test
    void anEquivalentDocumentKeepsTheRevisionButOneWithoutVersionIsNew() {
        String first = put(ARN, policy("dynamodb:GetItem"), null);
        assertEquals(first, put(ARN, canonical("dynamodb:GetItem"), null));
        String versionless = canonical("dynamodb:GetItem").replace("\"Version\":\"2012-10-17\",", "");
        String second = put(ARN, versionless, null);
        assertNotEquals(first, second);
        assertEquals(canonical("dynamodb:GetItem").replace("2012-10-17", "2008-10-17"), get(ARN).policy());
        assertEquals(second, put(ARN, versionless, null));
        assertNotEquals(second, put(ARN, get(ARN).policy(), null), "DynamoDB treats a defaulted Version as a change");
    }

    @Test
    void puttingTheSameDocumentAgainKeepsTheRevisionAndAnotherDocumentGetsAGreaterOne() {
        String first = put(ARN, policy("dynamodb:GetItem"), null);
        assertEquals(first, put(ARN, policy("dynamodb:GetItem"), null));
        String second = put(ARN, policy("dynamodb:PutItem"), null);
        assertNotEquals(first, second);
        assertTrue(Long.parseLong(second) > Long.parseLong(first));
        String third = put(ARN, policy("dynamodb:Query"), second);
        assertTrue(Long.parseLong(third) > Long.parseLong(second));
        assertEquals(third, get(ARN).revisionId());
    }

    @Test
    void anExpectedRevisionThatIsNotCurrentIsRefusedAndChangesNothing() {
        String first = put(ARN, policy("dynamodb:GetItem"), null);
        String second = put(ARN, policy("dynamodb:PutItem"), first);
        assertPolicyNotFound(NOT_FOUND + "Requested update for policy with revision id " + first
                + ", but the policy associated to target table things has revision id " + second + ".",
                () -> put(ARN, policy("dynamodb:Scan"), first));
        assertPolicyNotFound(NOT_FOUND + "Requested update for policy with revision id unknown"
                + ", but the policy associated to target table things has revision id " + second + ".",
                () -> delete(ARN, "unknown"));
        assertEquals(canonical("dynamodb:PutItem"), get(ARN).policy());
        assertEquals(second, get(ARN).revisionId());
    }

    @Test
    void noPolicyAsExpectedRevisionAttachesOnlyWhereThereIsNone() {
        String revision = put(ARN, policy("dynamodb:GetItem"), "NO_POLICY");
        assertEquals(revision, get(ARN).revisionId());
        assertPolicyNotFound(NOT_FOUND + "Requested policy update expecting none to be present for table things, "
                + "but a policy exists with revision id " + revision + ".", () -> put(ARN, policy("dynamodb:GetItem"), "NO_POLICY"));
    }

    @Test
    void anExpectedRevisionWhereThereNeverWasAPolicyIsPolicyNotFound() {
        String message = NOT_FOUND + "Requested update for policy with revision id 1234, but table things has no associated policy.";
        assertPolicyNotFound(message, () -> put(ARN, policy("dynamodb:GetItem"), "1234"));
        assertPolicyNotFound(message, () -> delete(ARN, "1234"));
    }

    @Test
    void withoutAPolicyGetIsPolicyNotFoundAndDeleteSucceedsWithoutRevision() {
        assertPolicyNotFound(NOT_FOUND + ARN, () -> get(ARN));
        assertNull(delete(ARN, null));
        assertNull(delete(ARN, null));
    }

    @Test
    void deleteAnswersTheRemovedRevisionThenTheDeletionsOwn() {
        String revision = put(ARN, policy("dynamodb:GetItem"), null);
        assertEquals(revision, delete(ARN, revision));
        assertPolicyNotFound(NOT_FOUND + ARN, () -> get(ARN));
        String deletion = delete(ARN, null);
        assertTrue(Long.parseLong(deletion) > Long.parseLong(revision), deletion);
        assertEquals(deletion, delete(ARN, null));
        assertPolicyNotFound(NOT_FOUND + "Requested update for policy with revision id " + revision
                + ", but the policy associated to target table things has revision id " + deletion + ".", () -> delete(ARN, revision));
        String again = put(ARN, policy("dynamodb:GetItem"), "NO_POLICY");
        assertTrue(Long.parseLong(again) > Long.parseLong(deletion), again);
    }

    @Test
    void unknownTablesAreResourceNotFound() {
        String other = ARN + "_";
        assertError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: things_ not found", () -> put(other, policy("dynamodb:GetItem"), null));
        assertError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: things_ not found", () -> get(other));
        assertError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: things_ not found", () -> delete(other, null));
    }

    @Test
    void onlyTableAndStreamArnsAreTargets() {
        assertValidation("One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted. "
                + "Provided resource arn: " + ARN + "/index/byName", () -> put(ARN + "/index/byName", policy("dynamodb:Query"), null));
        assertValidation("One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: " + ARN + "/backup/01",
                () -> get(ARN + "/backup/01"));
        assertValidation("One or more parameter values were invalid: Invalid resource Arn: arn:aws:dynamodb:eu-west-1:000000000000:table/things",
                () -> get("arn:aws:dynamodb:eu-west-1:000000000000:table/things"));
        assertValidation("One or more parameter values were invalid: Invalid resource Arn: arn:aws-cn:dynamodb:us-east-1:000000000000:table/things",
                () -> get("arn:aws-cn:dynamodb:us-east-1:000000000000:table/things"));
        assertValidation("This action is only supported by accounts that match the resource owner\u2019s account.",
                () -> get("arn:aws:dynamodb:us-east-1:111111111111:table/things"));
        assertValidation("One or more parameter values were invalid: ARNs must start with 'arn:': things", () -> get("things"));
        assertValidation("Invalid TableArn: Invalid ResourceArn provided as input arn:aws:s3:::bucket", () -> get("arn:aws:s3:::bucket"));
        assertValidation("Invalid StreamArn: Invalid ResourceArn provided as input " + ARN + "/stream/yesterday",
                () -> get(ARN + "/stream/yesterday"));
        assertValidation("1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null",
                () -> get(null));
        assertValidation("1 validation error detected: Value null at 'policy' failed to satisfy constraint: Member must not be null",
                () -> put(ARN, null, null));
    }

    @Test
    void aStreamHasItsOwnPolicyApartFromItsTables() {
        create("streamed", new StreamSpecification(true, "KEYS_ONLY"), null);
        String tableArn = "arn:aws:dynamodb:us-east-1:000000000000:table/streamed";
        String streamArn = engine.describeTable(new DescribeTableRequest("streamed"), CONTEXT).table().latestStreamArn();
        String streamPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
                + "\"Action\":[\"dynamodb:GetRecords\",\"dynamodb:GetShardIterator\"],\"Resource\":\"" + tableArn + "/stream/*\"}]}";
        String revision = put(streamArn, streamPolicy, null);
        assertEquals(streamPolicy, get(streamArn).policy());
        assertEquals(revision, get(streamArn).revisionId());
        assertPolicyNotFound(NOT_FOUND + tableArn, () -> get(tableArn));

        String unknownStream = tableArn + "/stream/2020-01-01T00:00:00.000";
        assertError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Stream: 2020-01-01T00:00:00.000 not found for Table: streamed",
                () -> put(unknownStream, streamPolicy, null));
        assertValidation("One or more parameter values were invalid: Invalid policy document: The relative-id \"table/things\" is invalid for ARN \""
                + ARN + "\"", () -> put(streamArn, policy("dynamodb:GetRecords"), null));
    }

    @Test
    void createTableAttachesItsResourcePolicy() {
        create("withPolicy", null, policy("dynamodb:*"));
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/withPolicy";
        assertEquals(canonical("dynamodb:*"), get(arn).policy());
    }

    @Test
    void createTableWithAnInvalidPolicyCreatesNoTable() {
        assertValidation("One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json",
                () -> create("badPolicy", null, "{not json"));
        assertError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: badPolicy not found",
                () -> engine.describeTable(new DescribeTableRequest("badPolicy"), CONTEXT));
    }

    @Test
    void deletingTheTableDeletesItsPolicyAndANewTableOfTheNameHasNone() {
        put(ARN, policy("dynamodb:GetItem"), null);
        engine.deleteTable(new DeleteTableRequest("things"), CONTEXT);
        assertError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: things not found", () -> get(ARN));
        create("things", null, null);
        assertPolicyNotFound(NOT_FOUND + ARN, () -> get(ARN));
    }

    @Test
    void aPolicyChangeLeavesTheTableDefinitionAloneAndSurvivesDefinitionChanges() {
        var before = engine.describeTable(new DescribeTableRequest("things"), CONTEXT).table();
        String revision = put(ARN, policy("dynamodb:GetItem"), null);
        assertEquals(before, engine.describeTable(new DescribeTableRequest("things"), CONTEXT).table());
        engine.updateTable(new UpdateTableRequest("things", null, null, null, null, null, true, null), CONTEXT);
        assertEquals(revision, get(ARN).revisionId());
    }

    @Test
    void policiesAreReadFromStorageNotFromTheEngine() {
        String revision = put(ARN, policy("dynamodb:GetItem"), null);
        StorageBinding other = new StorageBinding();
        other.bind(memory);
        DynamoDbEngine secondNode = new DynamoDbEngine(other, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of()));
        assertEquals(revision, secondNode.getResourcePolicy(new GetResourcePolicyRequest(ARN), CONTEXT).revisionId());
    }

    @Test
    void aPolicyPutThroughANodeWithAStaleDefinitionLandsOnTheTableThatExistsNow() {
        StorageBinding other = new StorageBinding();
        other.bind(memory);
        DynamoDbEngine secondNode = new DynamoDbEngine(other, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of()));
        secondNode.describeTable(new DescribeTableRequest("things"), CONTEXT); // the second node caches this table's definition
        engine.deleteTable(new DeleteTableRequest("things"), CONTEXT);
        create("things", null, null);

        // Fenced on the definition it resolved the table by: the stale one fails the commit, and the retry finds the new table.
        String revision = secondNode.putResourcePolicy(new PutResourcePolicyRequest(ARN, policy("dynamodb:GetItem"), null, null), CONTEXT)
                .revisionId();
        assertEquals(revision, get(ARN).revisionId());
    }

    private void create(String name, StreamSpecification stream, String resourcePolicy) {
        engine.createTable(new CreateTableRequest(name, List.of(new AttributeDefinition("id", "S")), List.of(new KeySchemaElement("id", "HASH")),
                "PAY_PER_REQUEST", null, null, null, stream, null, null, null, resourcePolicy), CONTEXT);
    }

    private String put(String arn, String document, String expectedRevision) {
        return engine.putResourcePolicy(new PutResourcePolicyRequest(arn, document, expectedRevision, null), CONTEXT).revisionId();
    }

    private String delete(String arn, String expectedRevision) {
        return engine.deleteResourcePolicy(new DeleteResourcePolicyRequest(arn, expectedRevision), CONTEXT).revisionId();
    }

    private GetResourcePolicyResponse get(String arn) {
        return engine.getResourcePolicy(new GetResourcePolicyRequest(arn), CONTEXT);
    }

    private static void assertPolicyNotFound(String message, Executable call) {
        assertError(ErrorType.POLICY_NOT_FOUND, message, call);
    }

    private static void assertValidation(String message, Executable call) {
        assertError(ErrorType.VALIDATION, message, call);
    }

    private static void assertError(ErrorType type, String message, Executable call) {
        DynamoException e = assertThrows(DynamoException.class, call);
        assertEquals(type, e.type());
        assertEquals(message, e.getMessage());
    }
}
