package io.modyn.protocol.json;

import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.TableDefinition;
import jakarta.json.stream.JsonGenerator;

/** Writes a TableDescription as CreateTable, DescribeTable, UpdateTable and DeleteTable return it. */
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
        writeKeySchema(out, table);
        writeAttributeDefinitions(out, table);
        writeBillingModeSummary(out, table.billingModeSummary());
        writeProvisionedThroughput(out, table.provisionedThroughput());
        out.write("ItemCount", description.itemCount());
        out.write("TableSizeBytes", description.tableSizeBytes());
        out.writeEnd();
    }

    private static void writeKeySchema(JsonGenerator out, TableDefinition table) {
        out.writeStartArray("KeySchema");
        for (KeySchemaElement element : table.keySchema()) {
            out.writeStartObject();
            out.write("AttributeName", element.attributeName());
            out.write("KeyType", element.keyType());
            out.writeEnd();
        }
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

    private static void writeProvisionedThroughput(JsonGenerator out, ProvisionedThroughputDescription throughput) {
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

    private static void writeIfPresent(JsonGenerator out, String name, String value) {
        if (value != null) {
            out.write(name, value);
        }
    }
}
