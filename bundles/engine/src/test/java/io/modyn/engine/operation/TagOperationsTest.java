package io.modyn.engine.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.ListTagsOfResourceRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.Tag;
import io.modyn.api.dynamodb.TagResourceRequest;
import io.modyn.api.dynamodb.UntagResourceRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.control.TableTags;
import io.modyn.engine.write.ItemWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TagResource, UntagResource and ListTagsOfResource, with DynamoDB's limits and messages. */
class TagOperationsTest {

    private static final RequestContext CONTEXT = new RequestContext("test", null);
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/things";

    private StorageBinding storage;
    private DynamoDbEngine engine;

    @BeforeEach
    void createTable() {
        storage = new StorageBinding();
        storage.bind(new InMemoryStorageEngine());
        engine = new DynamoDbEngine(storage, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of()));
        create("things", null);
    }

    @Test
    void aNewTableHasNoTags() {
        assertEquals(List.of(), list(ARN));
    }

    @Test
    void tagsAreListedInKeyOrderAndOverwrittenByKey() {
        tag(new Tag("team", "search"), new Tag("env", "prod"), new Tag("empty", ""));
        tag(new Tag("env", "test"));
        assertEquals(List.of(new Tag("empty", ""), new Tag("env", "test"), new Tag("team", "search")), list(ARN));
    }

    @Test
    void untagRemovesTheNamedKeysAndIgnoresAbsentOnes() {
        tag(new Tag("team", "search"), new Tag("env", "prod"));
        engine.untagResource(new UntagResourceRequest(ARN, List.of("env", "never-set")), CONTEXT);
        assertEquals(List.of(new Tag("team", "search")), list(ARN));
    }

    @Test
    void aTableHoldsAtMostFiftyTagsCountedAfterTheMerge() {
        tag(numberedTags(0, 50).toArray(Tag[]::new));
        tag(new Tag("k0", "changed"));
        assertValidation("Number of Tags exceed the current limit for the provided ResourceArn", () -> tag(new Tag("k0", "x"), new Tag("k50", "x")));
        assertEquals(50, list(ARN).size());
        assertEquals(new Tag("k0", "changed"), list(ARN).get(0));
    }

    @Test
    void concurrentTagRequestsCannotTogetherExceedTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> calls = List.of(
                    pool.submit(() -> tag(numberedTags(0, 30).toArray(Tag[]::new))),
                    pool.submit(() -> tag(numberedTags(100, 130).toArray(Tag[]::new))));
            int refused = 0;
            for (Future<?> call : calls) {
                try {
                    call.get();
                } catch (ExecutionException e) {
                    assertEquals("Number of Tags exceed the current limit for the provided ResourceArn", e.getCause().getMessage());
                    refused++;
                }
            }
            assertEquals(1, refused);
            assertEquals(30, list(ARN).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyOneTagsInOneRequestAreRefused() {
        assertValidation("Number of Tags exceed the current limit for the provided ResourceArn", () -> tag(numberedTags(0, 51).toArray(Tag[]::new)));
        assertValidation("Number of Tags exceed the current limit for the provided ResourceArn",
                () -> engine.untagResource(new UntagResourceRequest(ARN, numberedTags(0, 51).stream().map(Tag::key).toList()), CONTEXT));
    }

    @Test
    void aRequestWithOneBadTagAppliesNone() {
        assertValidation("The Tag Key provided is invalid, Key: " + "x".repeat(129), () -> tag(new Tag("good", "v"), new Tag("x".repeat(129), "v")));
        assertEquals(List.of(), list(ARN));
    }

    @Test
    void keysAndValuesFollowDynamoDbsRules() {
        assertValidation("The Tag Key provided is invalid, Key: ", () -> tag(new Tag("", "v")));
        assertValidation("The Tag Key provided is invalid, Key: null", () -> tag(new Tag(null, "v")));
        assertValidation("The Tag Key provided is invalid, Key: bad#char", () -> tag(new Tag("bad#char", "v")));
        assertValidation("The Tag Value provided is invalid, Value: bad#char", () -> tag(new Tag("k", "bad#char")));
        assertValidation("The Tag Value provided is invalid, Value: null", () -> tag(new Tag("k", null)));
        assertValidation("The Tag Value provided is invalid, Value: " + "v".repeat(257), () -> tag(new Tag("k", "v".repeat(257))));
        assertValidation("Tag Key cannot be prefixed with aws:, Key: AWS:foo", () -> tag(new Tag("AWS:foo", "v")));
        assertValidation("Tag Key cannot be prefixed with aws:, Key: aws:foo",
                () -> engine.untagResource(new UntagResourceRequest(ARN, List.of("aws:foo")), CONTEXT));
        assertValidation("Duplicate Tag Keys provided as input: Duplicate Tag Key found dup", () -> tag(new Tag("dup", "1"), new Tag("dup", "2")));

        String supplementary = new String(Character.toChars(0x20000)); // a CJK letter outside the BMP: one character, two UTF-16 units
        Tag allowed = new Tag(supplementary.repeat(128), "a b+c-d=e.f_g:h/i@j ключ café");
        tag(allowed, new Tag("myaws:foo", "v".repeat(256)));
        assertEquals(2, list(ARN).size());
    }

    @Test
    void emptyOrMissingListsAreRefused() {
        assertValidation("Atleast one Tag needs to be provided as Input.", () -> tag());
        assertValidation("Atleast one Tag Key needs to be provided as Input.", () -> engine.untagResource(new UntagResourceRequest(ARN, List.of()), CONTEXT));
        assertValidation("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
                () -> engine.tagResource(new TagResourceRequest(ARN, null), CONTEXT));
        assertValidation("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null",
                () -> engine.untagResource(new UntagResourceRequest(ARN, null), CONTEXT));
    }

    @Test
    void resourceArnsAreCheckedAsDynamoDbChecksThem() {
        assertValidation("Invalid TableArn", () -> list(null));
        assertValidation("One or more parameter values were invalid: ARNs must start with 'arn:': things", () -> list("things"));
        assertValidation("Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:us-east-1:000000000000:table/ab",
                () -> list("arn:aws:dynamodb:us-east-1:000000000000:table/ab"));
        assertValidation("Invalid TableArn: Invalid ResourceArn provided as input arn:aws:s3:::bucket", () -> list("arn:aws:s3:::bucket"));
        assertValidation("One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted. "
                + "Provided resource arn: " + ARN + "/index/byTeam", () -> list(ARN + "/index/byTeam"));
        assertValidation("1 validation error detected: Invalid AWS region in 'arn:aws:dynamodb:eu-west-1:000000000000:table/things'",
                () -> list("arn:aws:dynamodb:eu-west-1:000000000000:table/things"));
        DynamoException e = assertThrows(DynamoException.class, () -> list("arn:aws:dynamodb:us-east-1:111111111111:table/things"));
        assertEquals(ErrorType.ACCESS_DENIED, e.type());
    }

    @Test
    void listingTheTagsOfAnUnknownTableIsAccessDeniedAsInDynamoDb() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/nothing";
        DynamoException e = assertThrows(DynamoException.class, () -> list(arn));
        assertEquals(ErrorType.ACCESS_DENIED, e.type());
        assertEquals("User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:ListTagsOfResource on resource: " + arn,
                e.getMessage());
    }

    @Test
    void anUnknownTableIsNotFoundByArnWhenTaggingOrUntagging() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/nothing";
        for (Runnable call : List.<Runnable>of(
                () -> engine.tagResource(new TagResourceRequest(arn, List.of(new Tag("k", "v"))), CONTEXT),
                () -> engine.untagResource(new UntagResourceRequest(arn, List.of("k")), CONTEXT))) {
            DynamoException e = assertThrows(DynamoException.class, call::run);
            assertEquals(ErrorType.RESOURCE_NOT_FOUND, e.type());
            assertEquals("Requested resource not found: ResourceArn: " + arn + " not found", e.getMessage());
        }
    }

    @Test
    void tagsAreCheckedBeforeTheTableIsLookedUp() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/nothing";
        assertValidation("Atleast one Tag needs to be provided as Input.", () -> engine.tagResource(new TagResourceRequest(arn, List.of()), CONTEXT));
    }

    @Test
    void aTableCreatedAgainUnderTheSameNameHasNoneOfTheOldTags() {
        tag(new Tag("env", "prod"));
        engine.deleteTable(new DeleteTableRequest("things"), CONTEXT);
        create("things", null);
        assertEquals(List.of(), list(ARN));
    }

    @Test
    void createTableTagsAreStoredOnceTheTableExists() {
        List<Tag> tags = List.of(new Tag("env", "prod"));
        create("tagged", tags);
        StorageBinding.Bound bound = storage.require();
        TableTags.storeOnCreate(bound, bound.catalog().find("tagged"), tags);
        assertEquals(tags, list("arn:aws:dynamodb:us-east-1:000000000000:table/tagged"));
    }

    @Test
    void createTableWithBadTagsCreatesNothing() {
        assertValidation("Tag Key cannot be prefixed with aws:, Key: aws:foo", () -> create("refused", List.of(new Tag("aws:foo", "v"))));
        assertValidation("Number of Tags exceed the current limit for the provided ResourceArn", () -> create("refused", numberedTags(0, 51)));
        DynamoException e = assertThrows(DynamoException.class, () -> engine.describeTable(new DescribeTableRequest("refused"), CONTEXT));
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, e.type());
    }

    private void create(String name, List<Tag> tags) {
        engine.createTable(new CreateTableRequest(name, List.of(new AttributeDefinition("id", "S")), List.of(new KeySchemaElement("id", "HASH")),
                "PAY_PER_REQUEST", null, null, null, null, tags, null, null), CONTEXT);
    }

    private void tag(Tag... tags) {
        engine.tagResource(new TagResourceRequest(ARN, List.of(tags)), CONTEXT);
    }

    private List<Tag> list(String arn) {
        return engine.listTagsOfResource(new ListTagsOfResourceRequest(arn, null), CONTEXT).tags();
    }

    private static List<Tag> numberedTags(int from, int to) {
        List<Tag> tags = new ArrayList<>();
        for (int i = from; i < to; i++) tags.add(new Tag("k" + i, "v" + i));
        return tags;
    }

    private static void assertValidation(String message, Runnable call) {
        DynamoException e = assertThrows(DynamoException.class, call::run);
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals(message, e.getMessage());
    }
}
