package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.DescribeTableResponse;
import io.modyn.api.dynamodb.IndexStatistics;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.model.TableDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The members DescribeTable gained with indexes, streams, table classes and deletion protection. */
class TableDescriptionWriterTest {

    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/Music";
    private static final TableDefinition BASE = TableDefinition.builder().tableName("Music").tableId("id")
            .keySchema(List.of(new KeySchemaElement("Artist", "HASH"), new KeySchemaElement("Song", "RANGE")))
            .attributeDefinitions(List.of(new AttributeDefinition("Artist", "S")))
            .provisionedThroughput(new ProvisionedThroughputDescription(null, null, 0, 5, 5))
            .creationDateTime(Instant.ofEpochSecond(1_700_000_000L)).build();

    @Test
    void indexesAreDescribedWithTheirStatisticsAndArns() {
        SecondaryIndex local = new SecondaryIndex("ByAlbum", "lsi-id",
                List.of(new KeySchemaElement("Artist", "HASH"), new KeySchemaElement("Album", "RANGE")),
                new IndexProjection("INCLUDE", List.of("Genre")), null, null, false);
        SecondaryIndex global = new SecondaryIndex("ByGenre", "gsi-id", List.of(new KeySchemaElement("Genre", "HASH")),
                new IndexProjection("KEYS_ONLY", null), new ProvisionedThroughputDescription(null, null, 0, 1, 2), "CREATING", true);
        TableDefinition table = BASE.toBuilder().localSecondaryIndexes(List.of(local)).globalSecondaryIndexes(List.of(global)).build();
        TableDescription description = new TableDescription(table, ARN, 4, 400,
                Map.of("ByAlbum", new IndexStatistics(3, 120), "ByGenre", new IndexStatistics(2, 60)), null);

        String json = write(TableResponseWriter::describeTable, new DescribeTableResponse(description));

        assertTrue(json.contains("\"LocalSecondaryIndexes\":[{\"IndexName\":\"ByAlbum\",\"KeySchema\":[{\"AttributeName\":\"Artist\","
                + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"Album\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\","
                + "\"NonKeyAttributes\":[\"Genre\"]},\"IndexSizeBytes\":120,\"ItemCount\":3,\"IndexArn\":\"" + ARN + "/index/ByAlbum\"}]"), json);
        assertTrue(json.contains("\"GlobalSecondaryIndexes\":[{\"IndexName\":\"ByGenre\",\"KeySchema\":[{\"AttributeName\":\"Genre\","
                + "\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"},\"IndexStatus\":\"CREATING\",\"Backfilling\":true,"
                + "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":2},"
                + "\"IndexSizeBytes\":60,\"ItemCount\":2,\"IndexArn\":\"" + ARN + "/index/ByGenre\"}]"), json);
    }

    @Test
    void aKmsTableIsDescribedWithItsSseDescriptionAndAnOwnedKeyTableWithout() {
        TableDescription kms = new TableDescription(BASE, ARN, 0, 0, Map.of(), null, new io.modyn.api.model.SseDescription("ENABLED", "KMS",
                "arn:aws:kms:us-east-1:000000000000:key/k", Instant.ofEpochSecond(1_700_000_100L)));
        String json = write(TableResponseWriter::describeTable, new DescribeTableResponse(kms));
        assertTrue(json.contains("\"SSEDescription\":{\"Status\":\"ENABLED\",\"SSEType\":\"KMS\","
                + "\"KMSMasterKeyArn\":\"arn:aws:kms:us-east-1:000000000000:key/k\",\"InaccessibleEncryptionDateTime\":1700000100.000}"), json);
        assertFalse(write(TableResponseWriter::describeTable, new DescribeTableResponse(new TableDescription(BASE, ARN, 0, 0)))
                .contains("SSEDescription"));
    }

    @Test
    void anActiveIndexOfAnOnDemandTableShowsZeroThroughputAndNoBackfilling() {
        SecondaryIndex global = new SecondaryIndex("g", "gsi-id", List.of(new KeySchemaElement("x", "HASH")),
                new IndexProjection("ALL", null), null, "ACTIVE", false);
        TableDefinition table = BASE.toBuilder().billingModeSummary(new BillingModeSummary("PAY_PER_REQUEST", null))
                .globalSecondaryIndexes(List.of(global)).build();

        String json = write(TableResponseWriter::describeTable, new DescribeTableResponse(new TableDescription(table, ARN, 0, 0)));

        assertTrue(json.contains("\"IndexStatus\":\"ACTIVE\",\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,"
                + "\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":0},\"IndexSizeBytes\":0,\"ItemCount\":0,"), json);
        assertFalse(json.contains("Backfilling"), json);
        assertFalse(json.contains("LocalSecondaryIndexes"), json);
    }

    @Test
    void anEnabledStreamShowsItsSpecificationLabelAndArn() {
        TableDefinition table = BASE.toBuilder().streamSpecification(new StreamSpecification(true, "NEW_IMAGE"))
                .latestStreamLabel("2024-01-01T00:00:00.000").build();
        String json = write(TableResponseWriter::describeTable, new DescribeTableResponse(
                new TableDescription(table, ARN, 0, 0, Map.of(), ARN + "/stream/2024-01-01T00:00:00.000")));
        assertTrue(json.endsWith("\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_IMAGE\"},"
                + "\"LatestStreamLabel\":\"2024-01-01T00:00:00.000\",\"LatestStreamArn\":\"" + ARN + "/stream/2024-01-01T00:00:00.000\","
                + "\"DeletionProtectionEnabled\":false}}"), json);
    }

    @Test
    void aDisabledStreamLeavesOutTheSpecificationButKeepsTheLatestStream() {
        TableDefinition table = BASE.toBuilder().streamSpecification(new StreamSpecification(false, "KEYS_ONLY"))
                .latestStreamLabel("label").build();
        String json = write(TableResponseWriter::describeTable, new DescribeTableResponse(
                new TableDescription(table, ARN, 0, 0, Map.of(), ARN + "/stream/label")));
        assertFalse(json.contains("StreamSpecification"), json);
        assertTrue(json.contains("\"LatestStreamLabel\":\"label\",\"LatestStreamArn\":\"" + ARN + "/stream/label\""), json);
    }

    @Test
    void aNonDefaultTableClassAndDeletionProtectionAreShown() {
        TableDefinition table = BASE.toBuilder().tableClass("STANDARD_INFREQUENT_ACCESS").deletionProtectionEnabled(true).build();
        String json = write(TableResponseWriter::describeTable, new DescribeTableResponse(new TableDescription(table, ARN, 0, 0)));
        assertTrue(json.endsWith("\"TableClassSummary\":{\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\"},"
                + "\"DeletionProtectionEnabled\":true}}"), json);

        String standard = write(TableResponseWriter::describeTable, new DescribeTableResponse(new TableDescription(BASE, ARN, 0, 0)));
        assertFalse(standard.contains("TableClassSummary"), standard);
    }
}
