package io.modyn.protocol.json;

import io.modyn.api.dynamodb.CreateTableResponse;
import io.modyn.api.dynamodb.DeleteTableResponse;
import io.modyn.api.dynamodb.DescribeTableResponse;
import io.modyn.api.dynamodb.ListTablesResponse;
import io.modyn.api.dynamodb.UpdateTableResponse;
import jakarta.json.stream.JsonGenerator;

/** Writes the control-plane responses. Each method writes one complete JSON object. */
public final class TableResponseWriter {

    private TableResponseWriter() {
    }

    public static void createTable(JsonGenerator out, CreateTableResponse response) {
        out.writeStartObject();
        TableDescriptionWriter.write(out, "TableDescription", response.tableDescription());
        out.writeEnd();
    }

    public static void describeTable(JsonGenerator out, DescribeTableResponse response) {
        out.writeStartObject();
        TableDescriptionWriter.write(out, "Table", response.table());
        out.writeEnd();
    }

    public static void updateTable(JsonGenerator out, UpdateTableResponse response) {
        out.writeStartObject();
        TableDescriptionWriter.write(out, "TableDescription", response.tableDescription());
        out.writeEnd();
    }

    public static void deleteTable(JsonGenerator out, DeleteTableResponse response) {
        out.writeStartObject();
        TableDescriptionWriter.write(out, "TableDescription", response.tableDescription());
        out.writeEnd();
    }

    public static void listTables(JsonGenerator out, ListTablesResponse response) {
        out.writeStartObject();
        out.writeStartArray("TableNames");
        if (response.tableNames() != null) {
            response.tableNames().forEach(out::write);
        }
        out.writeEnd();
        if (response.lastEvaluatedTableName() != null) {
            out.write("LastEvaluatedTableName", response.lastEvaluatedTableName());
        }
        out.writeEnd();
    }
}
