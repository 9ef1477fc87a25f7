package io.modyn.itests;

import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * TagResource, UntagResource and ListTagsOfResource on a table's ARN, and Tags on CreateTable: a
 * tag with an existing key replaces its value, untagging an absent key is fine, and DynamoDB's
 * refusals (API reference and developer guide, "Tagging restrictions": at most 50 tags, no
 * {@code aws:} prefix, no key twice in one request, at least one tag or key, an ARN that starts
 * with {@code arn:}). DynamoDB applies tag changes eventually, so reads of the tags are awaited
 * within a bound.
 *
 * <p>Messages as captured against DynamoDB (ack-api-quirks, DDB-TABLE-442).
 */
@ExtendWith(SharedModynServer.class)
class TagsTest {

    private static final Duration TAGS_TIMEOUT = Duration.ofSeconds(10);

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void aTableStartsWithoutTags() {
        String arn = newTableArn();

        assertEquals(List.of(), dynamo.listTagsOfResource(list -> list.resourceArn(arn)).tags());
    }

    @Test
    void tagsAreAddedReplacedAndRemoved() {
        String arn = newTableArn();

        dynamo.tagResource(tag -> tag.resourceArn(arn).tags(tag("env", "test"), tag("team", "data")));
        awaitTags(arn, Map.of("env", "test", "team", "data"));

        dynamo.tagResource(tag -> tag.resourceArn(arn).tags(tag("env", "prod"), tag("cost", "42")));
        awaitTags(arn, Map.of("env", "prod", "team", "data", "cost", "42"));

        dynamo.untagResource(untag -> untag.resourceArn(arn).tagKeys("team", "never-set"));
        awaitTags(arn, Map.of("env", "prod", "cost", "42"));
    }

    @Test
    void createTableTagsTheTable() {
        String name = TestTables.uniqueName("tags-created");
        dynamo.createTable(create -> create.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .tags(tag("owner", "itests"), tag("empty", "")));
        String arn = TestTables.awaitActive(dynamo, name).tableArn();

        awaitTags(arn, Map.of("owner", "itests", "empty", ""));
    }

    @Test
    void fiftyTagsAreAcceptedAndTheFiftyFirstIsRefused() {
        String arn = newTableArn();
        List<Tag> fifty = IntStream.range(0, 50).mapToObj(i -> tag("key-" + i, "value")).toList();

        dynamo.tagResource(tag -> tag.resourceArn(arn).tags(fifty));
        awaitTags(arn, fifty.stream().collect(Collectors.toMap(Tag::key, Tag::value)));

        assertValidationError("Number of Tags exceed the current limit for the provided ResourceArn",
                () -> dynamo.tagResource(tag -> tag.resourceArn(arn).tags(tag("one-more", "value"))));
    }

    @Test
    void replacingAnExistingTagDoesNotCountAgainstTheLimit() {
        String arn = newTableArn();
        List<Tag> fifty = IntStream.range(0, 50).mapToObj(i -> tag("key-" + i, "value")).toList();
        dynamo.tagResource(tag -> tag.resourceArn(arn).tags(fifty));

        dynamo.tagResource(tag -> tag.resourceArn(arn).tags(tag("key-0", "new value")));

        Eventually.await("key-0 replaced", TAGS_TIMEOUT, () -> tags(arn).get("key-0").equals("new value"));
    }

    @Test
    void theAwsPrefixIsReserved() {
        String arn = newTableArn();

        assertValidationError("Tag Key cannot be prefixed with aws:, Key: aws:owner",
                () -> dynamo.tagResource(tag -> tag.resourceArn(arn).tags(tag("aws:owner", "me"))));
    }

    @Test
    void aKeyTwiceInOneRequestIsRefused() {
        String arn = newTableArn();

        assertValidationError("Duplicate Tag Keys provided as input: Duplicate Tag Key found env",
                () -> dynamo.tagResource(tag -> tag.resourceArn(arn).tags(tag("env", "a"), tag("env", "b"))));
    }

    @Test
    void tagResourceNeedsATagAndUntagResourceAKey() {
        String arn = newTableArn();

        assertValidationError("Atleast one Tag needs to be provided as Input.",
                () -> dynamo.tagResource(tag -> tag.resourceArn(arn).tags(List.of())));
        assertValidationError("Atleast one Tag Key needs to be provided as Input.",
                () -> dynamo.untagResource(untag -> untag.resourceArn(arn).tagKeys(List.of())));
    }

    @Test
    void anArnNotStartingWithArnIsRefused() {
        assertValidationError("One or more parameter values were invalid: ARNs must start with 'arn:': not-an-arn",
                () -> dynamo.listTagsOfResource(list -> list.resourceArn("not-an-arn")));
    }

    @Test
    void theArnOfAnUnknownTableIsResourceNotFoundWhenTagging() {
        String arn = newTableArn();
        String missing = arn.substring(0, arn.lastIndexOf('/') + 1) + TestTables.uniqueName("missing");

        // The API reference lists ResourceNotFoundException; its message is not pinned here.
        assertThrows(ResourceNotFoundException.class,
                () -> dynamo.tagResource(tag -> tag.resourceArn(missing).tags(tag("env", "test"))));
    }

    @Test
    void listingTheTagsOfAnUnknownTableIsAccessDenied() {
        String arn = newTableArn();
        String missing = arn.substring(0, arn.lastIndexOf('/') + 1) + TestTables.uniqueName("missing");

        // What real DynamoDB answers (dynamodb-conformance, tests/tier2/tags/basic.test.ts), unlike TagResource.
        DynamoDbException denied = assertThrows(DynamoDbException.class, () -> dynamo.listTagsOfResource(list -> list.resourceArn(missing)));
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertTrue(denied.awsErrorDetails().errorMessage().matches(
                "User: arn:aws:iam::\\d{12}:\\S+ is not authorized to perform: dynamodb:ListTagsOfResource on resource: " + Pattern.quote(missing)),
                denied.awsErrorDetails().errorMessage());
    }

    private static String newTableArn() {
        String name = TestTables.createHashTable(dynamo, "tags", ScalarAttributeType.S);
        return dynamo.describeTable(describe -> describe.tableName(name)).table().tableArn();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Map<String, String> tags(String arn) {
        return dynamo.listTagsOfResource(list -> list.resourceArn(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static void awaitTags(String arn, Map<String, String> expected) {
        Eventually.await("tags " + expected, TAGS_TIMEOUT, () -> tags(arn).equals(expected));
    }
}
