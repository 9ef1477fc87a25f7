package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.DescribeTableResponse;
import io.modyn.api.dynamodb.ItemCollectionMetrics;
import io.modyn.api.dynamodb.ListTablesResponse;
import io.modyn.api.dynamodb.PutItemResponse;
import io.modyn.api.dynamodb.QueryResponse;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.dynamodb.UpdateItemResponse;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.TableDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    private static final Instant CREATED = Instant.ofEpochMilli(1_700_000_000_123L);

    @Test
    void describeTableWritesDynamoDbsMembersWithEpochSecondTimestamps() {
        TableDefinition definition = TableDefinition.builder().tableName("Music").tableId("0b0a6f2e-1111-2222-3333-444455556666")
                .keySchema(List.of(new KeySchemaElement("Artist", "HASH"))).attributeDefinitions(List.of(new AttributeDefinition("Artist", "S")))
                .billingModeSummary(new BillingModeSummary("PAY_PER_REQUEST", Instant.ofEpochSecond(1_700_000_100L)))
                .provisionedThroughput(new ProvisionedThroughputDescription(null, CREATED, 1, 0, 0)).creationDateTime(CREATED)
                .tableStatus("ACTIVE").build();
        TableDescription description = new TableDescription(definition,
                "arn:aws:dynamodb:us-east-1:000000000000:table/Music", 3, 120);

        assertEquals("{\"Table\":{"
                + "\"TableName\":\"Music\",\"TableId\":\"0b0a6f2e-1111-2222-3333-444455556666\","
                + "\"TableArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/Music\",\"TableStatus\":\"ACTIVE\","
                + "\"CreationDateTime\":1700000000.123,"
                + "\"KeySchema\":[{\"AttributeName\":\"Artist\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"Artist\",\"AttributeType\":\"S\"}],"
                + "\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\",\"LastUpdateToPayPerRequestDateTime\":1700000100.000},"
                + "\"ProvisionedThroughput\":{\"LastDecreaseDateTime\":1700000000.123,\"NumberOfDecreasesToday\":1,"
                + "\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":0},"
                + "\"ItemCount\":3,\"TableSizeBytes\":120,\"DeletionProtectionEnabled\":false}}",
                write(TableResponseWriter::describeTable, new DescribeTableResponse(description)));
    }

    @Test
    void aTableWithoutBillingSummaryLeavesItOut() {
        TableDefinition definition = TableDefinition.builder().tableName("t").tableId("id")
                .keySchema(List.of(new KeySchemaElement("k", "HASH"))).attributeDefinitions(List.of(new AttributeDefinition("k", "N")))
                .provisionedThroughput(new ProvisionedThroughputDescription(null, null, 0, 5, 5)).creationDateTime(CREATED).build();
        String json = write(TableResponseWriter::describeTable,
                new DescribeTableResponse(new TableDescription(definition, "arn", 0, 0)));
        assertEquals(false, json.contains("BillingModeSummary"), json);
        assertEquals(true, json.contains("\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":5,"
                + "\"WriteCapacityUnits\":5}"), json);
    }

    @Test
    void listTablesAlwaysHasTableNames() {
        assertEquals("{\"TableNames\":[]}", write(TableResponseWriter::listTables, new ListTablesResponse(List.of(), null)));
        assertEquals("{\"TableNames\":[\"a\",\"b\"],\"LastEvaluatedTableName\":\"b\"}",
                write(TableResponseWriter::listTables, new ListTablesResponse(List.of("a", "b"), "b")));
    }

    @Test
    void queryLeavesOutNullMembers() {
        assertEquals("{\"Count\":2,\"ScannedCount\":5}",
                write(ItemResponseWriter::query, new QueryResponse(null, 2, 5, null, null)));
        assertEquals("{\"Items\":[{\"k\":{\"S\":\"a\"}}],\"Count\":1,\"ScannedCount\":1,\"LastEvaluatedKey\":{\"k\":{\"S\":\"a\"}}}",
                write(ItemResponseWriter::query, new QueryResponse(List.of(Map.of("k", AttributeValue.s("a"))), 1, 1,
                        Map.of("k", AttributeValue.s("a")), null)));
    }

    @Test
    void putItemWritesConsumedCapacity() {
        ConsumedCapacity consumed = new ConsumedCapacity("t", 1.0, null, 1.0, new Capacity(1.0, null, null), null,
                Map.of("g", new Capacity(0.5, null, null)));
        assertEquals("{\"ConsumedCapacity\":{\"TableName\":\"t\",\"CapacityUnits\":1.0,\"WriteCapacityUnits\":1.0,"
                        + "\"Table\":{\"CapacityUnits\":1.0},\"GlobalSecondaryIndexes\":{\"g\":{\"CapacityUnits\":0.5}}}}",
                write(ItemResponseWriter::putItem, new PutItemResponse(null, consumed, null)));
    }

    @Test
    void updateItemWritesAttributesAndItemCollectionMetrics() {
        ItemCollectionMetrics metrics = new ItemCollectionMetrics(Map.of("pk", AttributeValue.s("p")), List.of(0.0, 1.0));
        assertEquals("{\"Attributes\":{\"n\":{\"N\":\"1\"}},\"ItemCollectionMetrics\":{\"ItemCollectionKey\":{\"pk\":{\"S\":\"p\"}},"
                        + "\"SizeEstimateRangeGB\":[0.0,1.0]}}",
                write(ItemResponseWriter::updateItem, new UpdateItemResponse(Map.of("n", AttributeValue.n(1)), null, metrics)));
        assertEquals("{}", write(ItemResponseWriter::updateItem, new UpdateItemResponse(null, null, null)));
    }

    @Test
    void errorsUseTheLowerCaseMessageMemberAndOmitAMissingOne() {
        assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                        + "\"message\":\"Requested resource not found\"}",
                write(ErrorWriter::write, DynamoException.resourceNotFound("Requested resource not found")));
        assertEquals("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}",
                write(ErrorWriter::write, new DynamoException(ErrorType.UNKNOWN_OPERATION, null)));
    }

    @Test
    void aConditionalCheckFailureCarriesTheItem() {
        DynamoException error = new DynamoException(ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed",
                Map.of("k", AttributeValue.n(1)), null);
        assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                        + "\"message\":\"The conditional request failed\",\"Item\":{\"k\":{\"N\":\"1\"}}}",
                write(ErrorWriter::write, error));
    }
}
