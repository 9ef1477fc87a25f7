package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.assertSerialization;
import static io.modyn.protocol.json.CodecFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.GlobalSecondaryIndexUpdate;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.Tag;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.StreamSpecification;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The members CreateTable and UpdateTable gained with indexes, streams, tags, classes and deletion protection. */
class TableRequestReaderTest {

    @Test
    void createTableReadsIndexesStreamTagsClassAndDeletionProtection() {
        CreateTableRequest request = read(TableRequestReader::createTable, """
                {"TableName":"Music",
                 "LocalSecondaryIndexes":[{"IndexName":"ByAlbum",
                   "KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Album","KeyType":"RANGE"}],
                   "Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["Genre","Year"]}}],
                 "GlobalSecondaryIndexes":[{"IndexName":"ByGenre","KeySchema":[{"AttributeName":"Genre","KeyType":"HASH"}],
                   "Projection":{"ProjectionType":"KEYS_ONLY"},"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":2},
                   "OnDemandThroughput":{"MaxReadRequestUnits":5}}],
                 "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"},
                 "Tags":[{"Key":"Owner","Value":"blueTeam"}],
                 "TableClass":"STANDARD_INFREQUENT_ACCESS","DeletionProtectionEnabled":true,
                 "SSESpecification":{"Enabled":true}}
                """);

        assertEquals(List.of(new SecondaryIndexRequest("ByAlbum",
                List.of(new KeySchemaElement("Artist", "HASH"), new KeySchemaElement("Album", "RANGE")),
                new IndexProjection("INCLUDE", List.of("Genre", "Year")), null)), request.localSecondaryIndexes());
        assertEquals(List.of(new SecondaryIndexRequest("ByGenre", List.of(new KeySchemaElement("Genre", "HASH")),
                new IndexProjection("KEYS_ONLY", null), new ProvisionedThroughput(1L, 2L))), request.globalSecondaryIndexes());
        assertEquals(new StreamSpecification(true, "NEW_AND_OLD_IMAGES"), request.streamSpecification());
        assertEquals(List.of(new Tag("Owner", "blueTeam")), request.tags());
        assertEquals("STANDARD_INFREQUENT_ACCESS", request.tableClass());
        assertEquals(true, request.deletionProtectionEnabled());
    }

    @Test
    void multiAttributeIndexKeysKeepTheirOrder() {
        CreateTableRequest request = read(TableRequestReader::createTable, """
                {"GlobalSecondaryIndexes":[{"IndexName":"g","KeySchema":[
                  {"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"b","KeyType":"HASH"},
                  {"AttributeName":"c","KeyType":"RANGE"},{"AttributeName":"d","KeyType":"RANGE"}]}]}
                """);
        assertEquals(List.of("a", "b", "c", "d"), request.globalSecondaryIndexes().get(0).keySchema().stream()
                .map(KeySchemaElement::attributeName).toList());
    }

    @Test
    void nullIndexesAndTagsAreKeptForTheEngineToReport() {
        CreateTableRequest request = read(TableRequestReader::createTable,
                "{\"GlobalSecondaryIndexes\":[null,{}],\"Tags\":[null,{\"Key\":\"k\"}],\"StreamSpecification\":null}");
        assertEquals(Arrays.asList(null, new SecondaryIndexRequest(null, null, null, null)), request.globalSecondaryIndexes());
        assertEquals(Arrays.asList(null, new Tag("k", null)), request.tags());
        assertNull(request.streamSpecification());
    }

    @Test
    void updateTableReadsEachKindOfIndexUpdateInOrder() {
        UpdateTableRequest request = read(TableRequestReader::updateTable, """
                {"TableName":"t","GlobalSecondaryIndexUpdates":[
                  {"Create":{"IndexName":"n","KeySchema":[{"AttributeName":"x","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}},
                  {"Update":{"IndexName":"u","ProvisionedThroughput":{"ReadCapacityUnits":3,"WriteCapacityUnits":4}}},
                  {"Delete":{"IndexName":"d"}}],
                 "StreamSpecification":{"StreamEnabled":false},"DeletionProtectionEnabled":false,"TableClass":"STANDARD"}
                """);

        assertEquals(List.of(
                new GlobalSecondaryIndexUpdate(new SecondaryIndexRequest("n", List.of(new KeySchemaElement("x", "HASH")),
                        new IndexProjection("ALL", null), null), null, null, null),
                new GlobalSecondaryIndexUpdate(null, "u", new ProvisionedThroughput(3L, 4L), null),
                new GlobalSecondaryIndexUpdate(null, null, null, "d")), request.globalSecondaryIndexUpdates());
        assertEquals(new StreamSpecification(false, null), request.streamSpecification());
        assertEquals(false, request.deletionProtectionEnabled());
        assertEquals("STANDARD", request.tableClass());
    }

    @Test
    void indexMembersOfTheWrongTypeAreRefusedLikeDynamoDb() {
        assertSerialization(TableRequestReader::createTable, "{\"GlobalSecondaryIndexes\":{}}",
                "Start of structure or map found where not expected");
        assertSerialization(TableRequestReader::createTable, "{\"GlobalSecondaryIndexes\":[[]]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.GlobalSecondaryIndex");
        assertSerialization(TableRequestReader::createTable, "{\"LocalSecondaryIndexes\":[{\"Projection\":[]}]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Projection");
        assertSerialization(TableRequestReader::createTable, "{\"LocalSecondaryIndexes\":[{\"Projection\":{\"NonKeyAttributes\":\"a\"}}]}",
                "Unexpected field type");
        assertSerialization(TableRequestReader::createTable, "{\"StreamSpecification\":{\"StreamEnabled\":1}}",
                "NUMBER_VALUE cannot be converted to Boolean");
        assertSerialization(TableRequestReader::createTable, "{\"Tags\":[5]}", "Unexpected value type in payload");
        assertSerialization(TableRequestReader::createTable, "{\"DeletionProtectionEnabled\":\"maybe\"}",
                "Unexpected token received from parser");
        assertSerialization(TableRequestReader::updateTable, "{\"GlobalSecondaryIndexUpdates\":[{\"Delete\":[]}]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.DeleteGlobalSecondaryIndexAction");
        assertSerialization(TableRequestReader::updateTable, "{\"GlobalSecondaryIndexUpdates\":[{\"Update\":\"u\"}]}",
                "Unexpected field type");
    }
}
