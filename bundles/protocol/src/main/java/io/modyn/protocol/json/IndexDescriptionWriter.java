package io.modyn.protocol.json;

import io.modyn.api.dynamodb.IndexStatistics;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.SecondaryIndex;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * Writes the secondary indexes of a table description, as DynamoDB describes them:
 * {@code LocalSecondaryIndexes} with IndexName, KeySchema, Projection, IndexSizeBytes, ItemCount
 * and IndexArn; {@code GlobalSecondaryIndexes} with IndexStatus, {@code Backfilling} (only while
 * true) and ProvisionedThroughput besides. A list is left out when the table has no such index.
 */
final class IndexDescriptionWriter {

    /**
     * What DynamoDB reports as a global index's throughput on an on-demand table, where the
     * definition holds none.
     */
    private static final ProvisionedThroughputDescription ON_DEMAND_THROUGHPUT = new ProvisionedThroughputDescription(null, null, 0, 0, 0);
    private static final IndexStatistics EMPTY = new IndexStatistics(0, 0);

    private IndexDescriptionWriter() {
    }

    static void writeLocalSecondaryIndexes(JsonGenerator out, TableDescription description) {
        List<SecondaryIndex> indexes = description.definition().localSecondaryIndexes();
        if (indexes.isEmpty()) {
            return;
        }
        out.writeStartArray("LocalSecondaryIndexes");
        for (SecondaryIndex index : indexes) {
            out.writeStartObject();
            writeDefinition(out, index);
            writeStatisticsAndArn(out, description, index);
            out.writeEnd();
        }
        out.writeEnd();
    }

    static void writeGlobalSecondaryIndexes(JsonGenerator out, TableDescription description) {
        List<SecondaryIndex> indexes = description.definition().globalSecondaryIndexes();
        if (indexes.isEmpty()) {
            return;
        }
        out.writeStartArray("GlobalSecondaryIndexes");
        for (SecondaryIndex index : indexes) {
            out.writeStartObject();
            writeDefinition(out, index);
            if (index.indexStatus() != null) {
                out.write("IndexStatus", index.indexStatus());
            }
            if (index.backfilling()) {
                out.write("Backfilling", true);
            }
            ProvisionedThroughputDescription throughput = index.provisionedThroughput();
            TableDescriptionWriter.writeProvisionedThroughput(out, throughput == null ? ON_DEMAND_THROUGHPUT : throughput);
            writeStatisticsAndArn(out, description, index);
            out.writeEnd();
        }
        out.writeEnd();
    }

    static void writeDefinition(JsonGenerator out, SecondaryIndex index) {
        out.write("IndexName", index.indexName());
        TableDescriptionWriter.writeKeySchema(out, index.keySchema());
        writeProjection(out, index.projection());
    }

    private static void writeProjection(JsonGenerator out, IndexProjection projection) {
        if (projection == null) {
            return;
        }
        out.writeStartObject("Projection");
        if (projection.projectionType() != null) {
            out.write("ProjectionType", projection.projectionType());
        }
        if (projection.nonKeyAttributes() != null) {
            out.writeStartArray("NonKeyAttributes");
            projection.nonKeyAttributes().forEach(out::write);
            out.writeEnd();
        }
        out.writeEnd();
    }

    private static void writeStatisticsAndArn(JsonGenerator out, TableDescription description, SecondaryIndex index) {
        IndexStatistics statistics = description.indexStatistics().getOrDefault(index.indexName(), EMPTY);
        out.write("IndexSizeBytes", statistics.sizeBytes());
        out.write("ItemCount", statistics.itemCount());
        if (description.tableArn() != null) {
            out.write("IndexArn", description.tableArn() + "/index/" + index.indexName());
        }
    }
}
