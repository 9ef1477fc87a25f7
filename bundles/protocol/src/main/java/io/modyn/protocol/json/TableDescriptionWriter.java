package io.modyn.protocol.json;

import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.SseDescription;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.model.TableDefinition;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * Writes a TableDescription as CreateTable, DescribeTable, UpdateTable and DeleteTable return it.
 *
 * <p>What DynamoDB leaves out is left out: the index lists of a table without such indexes,
 * {@code StreamSpecification} unless a stream is on (a disabled stream still shows
 * {@code LatestStreamLabel} and {@code LatestStreamArn}, so clients can read it out), and
 * {@code TableClassSummary} for a table whose class was never chosen. {@code DeletionProtectionEnabled}
 * is always there.
 */
final class TableDescriptionWriter {

    private TableDescriptionWriter() {
    }

    /** Writes {@code "name": {table description}}; nothing if the description is null. */
    static void write(JsonGenerator out, String name, TableDescription description) {
        if (description == null) {
            return;
        }
        TableDefinition table = description.definition();
        out.writeStartObject(name);
        writeIfPresent(out, "TableName", table.tableName());
        writeIfPresent(out, "TableId", table.tableId());
        writeIfPresent(out, "TableArn", description.tableArn());
        writeIfPresent(out, "TableStatus", table.tableStatus());
        Timestamps.write(out, "CreationDateTime", table.creationDateTime());
        writeKeySchema(out, table.keySchema());
        writeAttributeDefinitions(out, table);
        writeBillingModeSummary(out, table.billingModeSummary());
        writeProvisionedThroughput(out, table.provisionedThroughput());
        out.write("ItemCount", description.itemCount());
        out.write("TableSizeBytes", description.tableSizeBytes());
        IndexDescriptionWriter.writeLocalSecondaryIndexes(out, description);
        IndexDescriptionWriter.writeGlobalSecondaryIndexes(out, description);
        writeStream(out, table, description.latestStreamArn());
        writeRestoreSummary(out, table.restoreSummary());
        writeSseDescription(out, description.sseDescription());
        writeTableClassSummary(out, table.tableClass());
        out.write("DeletionProtectionEnabled", table.deletionProtectionEnabled());
        out.writeEnd();
    }

    /** The KeySchema of a table or an index. */
    static void writeKeySchema(JsonGenerator out, List<KeySchemaElement> keySchema) {
        out.writeStartArray("KeySchema");
        for (KeySchemaElement element : keySchema) {
            out.writeStartObject();
            out.write("AttributeName", element.attributeName());
            out.write("KeyType", element.keyType());
            out.writeEnd();
        }
        out.writeEnd();
    }

    /** The ProvisionedThroughput of a table or a global secondary index; nothing if null. */
    static void writeProvisionedThroughput(JsonGenerator out, ProvisionedThroughputDescription throughput) {
        if (throughput == null) {
            return;
        }
        out.writeStartObject("ProvisionedThroughput");
        Timestamps.write(out, "LastIncreaseDateTime", throughput.lastIncreaseDateTime());
        Timestamps.write(out, "LastDecreaseDateTime", throughput.lastDecreaseDateTime());
        out.write("NumberOfDecreasesToday", throughput.numberOfDecreasesToday());
        out.write("ReadCapacityUnits", throughput.readCapacityUnits());
        out.write("WriteCapacityUnits", throughput.writeCapacityUnits());
        out.writeEnd();
    }

    private static void writeAttributeDefinitions(JsonGenerator out, TableDefinition table) {
        out.writeStartArray("AttributeDefinitions");
        for (AttributeDefinition definition : table.attributeDefinitions()) {
            out.writeStartObject();
            out.write("AttributeName", definition.attributeName());
            out.write("AttributeType", definition.attributeType());
            out.writeEnd();
        }
        out.writeEnd();
    }

    private static void writeBillingModeSummary(JsonGenerator out, BillingModeSummary summary) {
        if (summary == null) {
            return;
        }
        out.writeStartObject("BillingModeSummary");
        writeIfPresent(out, "BillingMode", summary.billingMode());
        Timestamps.write(out, "LastUpdateToPayPerRequestDateTime", summary.lastUpdateToPayPerRequestDateTime());
        out.writeEnd();
    }

    private static void writeStream(JsonGenerator out, TableDefinition table, String latestStreamArn) {
        if (table.streamEnabled()) {
            StreamSpecification specification = table.streamSpecification();
            out.writeStartObject("StreamSpecification");
            out.write("StreamEnabled", true);
            writeIfPresent(out, "StreamViewType", specification.streamViewType());
            out.writeEnd();
        }
        writeIfPresent(out, "LatestStreamLabel", table.latestStreamLabel());
        writeIfPresent(out, "LatestStreamArn", latestStreamArn);
    }

    /** Only a restored table has one. */
    private static void writeRestoreSummary(JsonGenerator out, io.modyn.api.model.RestoreSummary summary) {
        if (summary == null) {
            return;
        }
        out.writeStartObject("RestoreSummary");
        writeIfPresent(out, "SourceBackupArn", summary.sourceBackupArn());
        writeIfPresent(out, "SourceTableArn", summary.sourceTableArn());
        Timestamps.write(out, "RestoreDateTime", summary.restoreDateTime());
        out.write("RestoreInProgress", summary.restoreInProgress());
        out.writeEnd();
    }

    /** Only tables encrypted with a KMS key have one; the owned key shows none. */
    static void writeSseDescription(JsonGenerator out, SseDescription sse) {
        if (sse == null) {
            return;
        }
        out.writeStartObject("SSEDescription");
        writeIfPresent(out, "Status", sse.status());
        writeIfPresent(out, "SSEType", sse.sseType());
        writeIfPresent(out, "KMSMasterKeyArn", sse.kmsMasterKeyArn());
        Timestamps.write(out, "InaccessibleEncryptionDateTime", sse.inaccessibleEncryptionDateTime());
        out.writeEnd();
    }

    /** DynamoDB shows the summary once a class has been chosen, STANDARD included. */
    private static void writeTableClassSummary(JsonGenerator out, String tableClass) {
        if (tableClass == null) {
            return;
        }
        out.writeStartObject("TableClassSummary");
        out.write("TableClass", tableClass);
        out.writeEnd();
    }

    private static void writeIfPresent(JsonGenerator out, String name, String value) {
        if (value != null) {
            out.write(name, value);
        }
    }
}
