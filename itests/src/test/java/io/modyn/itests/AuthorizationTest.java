package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestCredentials;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Authorization on a server started with {@code --auth iam}: the account root may do everything;
 * an IAM user created through the SDK's {@link IamClient} (CreateUser, CreateAccessKey) has no
 * policy yet, so every DynamoDB operation it signs is denied with AWS's AccessDeniedException
 * message naming the action and the resource it was denied (the index for an index Query, the
 * region's {@code table/*} for ListTables), before the table is even looked up.
 */
class AuthorizationTest {

    static final String ACCOUNT = "123456789012";

    private static ModynServer server;
    private static DynamoDbClient root;
    private static String table;
    private static String userArn;
    private static DynamoDbClient user;

    @BeforeAll
    static void startServerWithAUserWithoutPolicies() {
        server = ModynServer.startWithEnvironment("authorization", List.of("--auth", "iam", "--account-id", ACCOUNT),
                SignatureAuthenticationTest.ROOT_KEYS);
        root = DynamoDbClients.withoutRetries(server);
        table = TestTables.uniqueName("authz");
        root.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(TestTables.definition("pk", ScalarAttributeType.S), TestTables.definition("g", ScalarAttributeType.S))
                .keySchema(TestTables.key("pk", KeyType.HASH))
                .globalSecondaryIndexes(index -> index.indexName("byG").keySchema(TestTables.key("g", KeyType.HASH))
                        .projection(projection -> projection.projectionType(ProjectionType.ALL))));
        TestTables.awaitActive(root, table);
        try (IamClient iam = IamClient.builder().endpointOverride(server.endpoint()).region(Region.of(server.region()))
                .credentialsProvider(TestCredentials.provider()).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            userArn = iam.createUser(request -> request.userName("reader")).user().arn();
            AccessKey key = iam.createAccessKey(request -> request.userName("reader")).accessKey();
            user = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.of(server.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                    .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)))
                    .build();
        }
    }

    @AfterAll
    static void stopServer() {
        if (user != null) user.close();
        if (root != null) root.close();
        if (server != null) server.close();
    }

    @Test
    void theRootMayDoEverything() {
        String own = TestTables.createHashTable(root, "authz-root", ScalarAttributeType.S);
        Map<String, AttributeValue> item = Map.of("pk", s("k1"), "g", s("green"), "v", s("one"));
        root.putItem(put -> put.tableName(table).item(item));
        assertEquals(item, root.getItem(get -> get.tableName(table).key(Map.of("pk", s("k1")))).item());
        assertEquals(List.of(item), root.query(query -> query.tableName(table).indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("green")))).items());
        assertEquals(List.of(item), root.batchGetItem(batch -> batch.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(Map.of("pk", s("k1"))).build()))).responses().get(table));
        root.transactWriteItems(transact -> transact.transactItems(
                TransactWriteItem.builder().put(put -> put.tableName(table).item(Map.of("pk", s("k2")))).build(),
                TransactWriteItem.builder().update(update -> update.tableName(own).key(Map.of("pk", s("x")))
                        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", s("two")))).build()));
        assertEquals(2, root.scan(scan -> scan.tableName(table)).count());
        assertTrue(root.listTables().tableNames().containsAll(List.of(table, own)));
        root.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", s("k2"))));
        root.deleteTable(delete -> delete.tableName(own));
    }

    @Test
    void putItemIsDeniedOnTheTable() {
        assertDenied("dynamodb:PutItem", tableArn(table),
                () -> user.putItem(put -> put.tableName(table).item(Map.of("pk", s("u1")))));
    }

    @Test
    void getItemIsDeniedOnTheTable() {
        assertDenied("dynamodb:GetItem", tableArn(table), () -> user.getItem(get -> get.tableName(table).key(Map.of("pk", s("k1")))));
    }

    @Test
    void aQueryIsDeniedOnTheTableAndAnIndexQueryOnTheIndex() {
        assertDenied("dynamodb:Query", tableArn(table), () -> user.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :k").expressionAttributeValues(Map.of(":k", s("k1")))));
        assertDenied("dynamodb:Query", tableArn(table) + "/index/byG", () -> user.query(query -> query.tableName(table)
                .indexName("byG").keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("green")))));
    }

    @Test
    void batchGetItemIsDeniedOnTheTable() {
        assertDenied("dynamodb:BatchGetItem", tableArn(table), () -> user.batchGetItem(batch -> batch.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(Map.of("pk", s("k1"))).build()))));
    }

    @Test
    void aTransactionIsDeniedAsTheActionOfItsItem() {
        assertDenied("dynamodb:UpdateItem", tableArn(table), () -> user.transactWriteItems(transact -> transact.transactItems(
                TransactWriteItem.builder().update(update -> update.tableName(table).key(Map.of("pk", s("k1")))
                        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", s("two")))).build())));
    }

    @Test
    void listTablesIsDeniedOnTheRegionsTables() {
        assertDenied("dynamodb:ListTables", "arn:aws:dynamodb:" + server.region() + ":" + ACCOUNT + ":table/*", () -> user.listTables());
    }

    @Test
    void createTableIsDeniedOnTheNewTable() {
        String name = TestTables.uniqueName("authz-new");
        assertDenied("dynamodb:CreateTable", tableArn(name), () -> user.createTable(create -> create.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(TestTables.definition("pk", ScalarAttributeType.S))
                .keySchema(TestTables.key("pk", KeyType.HASH))));
        assertTrue(!root.listTables().tableNames().contains(name), "the denied table was not created");
    }

    @Test
    void aMissingTableIsDeniedRatherThanReportedMissing() {
        String missing = TestTables.uniqueName("authz-missing");
        assertDenied("dynamodb:GetItem", tableArn(missing), () -> user.getItem(get -> get.tableName(missing).key(Map.of("pk", s("k")))));
    }

    @Test
    void aDeniedPutWritesNothing() {
        assertDenied("dynamodb:PutItem", tableArn(table),
                () -> user.putItem(put -> put.tableName(table).item(Map.of("pk", s("never")))));
        assertTrue(root.getItem(get -> get.tableName(table).key(Map.of("pk", s("never")))).item().isEmpty());
    }

    private static void assertDenied(String action, String resource, Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals(400, e.statusCode());
        assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
        assertEquals("User: " + userArn + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action", e.awsErrorDetails().errorMessage());
    }

    private static String tableArn(String name) {
        return "arn:aws:dynamodb:" + server.region() + ":" + ACCOUNT + ":table/" + name;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
