package io.modyn.export.job;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.export.CsvOptions;
import io.modyn.api.export.ExportDescription;
import io.modyn.api.export.ImportTableDescription;
import io.modyn.api.export.IncrementalExportSpecification;
import io.modyn.api.export.S3BucketSource;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.export.format.DynamoDbJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a job: its description's members by their DynamoDB names, times in epoch
 * milliseconds, and the job's own members ({@code kind}, {@code accountId}: whose account the job
 * acts in). Absent members are left out.
 */
public final class JobJson {

    public static final String EXPORT = "export";
    public static final String IMPORT = "import";

    private JobJson() {
    }

    public static JsonObject export(ExportJob job) {
        ExportDescription d = job.description();
        JsonObjectBuilder out = DynamoDbJson.object().add("kind", EXPORT);
        put(out, "accountId", job.accountId());
        put(out, "ExportArn", d.exportArn());
        put(out, "ExportStatus", d.exportStatus());
        put(out, "StartTime", d.startTime());
        put(out, "EndTime", d.endTime());
        put(out, "ExportManifest", d.exportManifest());
        put(out, "TableArn", d.tableArn());
        put(out, "TableId", d.tableId());
        put(out, "ExportTime", d.exportTime());
        put(out, "ClientToken", d.clientToken());
        put(out, "S3Bucket", d.s3Bucket());
        put(out, "S3BucketOwner", d.s3BucketOwner());
        put(out, "S3Prefix", d.s3Prefix());
        put(out, "S3SseAlgorithm", d.s3SseAlgorithm());
        put(out, "S3SseKmsKeyId", d.s3SseKmsKeyId());
        put(out, "FailureCode", d.failureCode());
        put(out, "FailureMessage", d.failureMessage());
        put(out, "ExportFormat", d.exportFormat());
        out.add("BilledSizeBytes", d.billedSizeBytes());
        out.add("ItemCount", d.itemCount());
        put(out, "ExportType", d.exportType());
        IncrementalExportSpecification incremental = d.incrementalExportSpecification();
        if (incremental != null) {
            JsonObjectBuilder spec = DynamoDbJson.object();
            put(spec, "ExportFromTime", incremental.exportFromTime());
            put(spec, "ExportToTime", incremental.exportToTime());
            put(spec, "ExportViewType", incremental.exportViewType());
            out.add("IncrementalExportSpecification", spec);
        }
        return out.build();
    }

    public static ExportJob export(JsonObject in) {
        JsonObject spec = in.getJsonObject("IncrementalExportSpecification");
        IncrementalExportSpecification incremental = spec == null ? null
                : new IncrementalExportSpecification(time(spec, "ExportFromTime"), time(spec, "ExportToTime"), text(spec, "ExportViewType"));
        ExportDescription d = new ExportDescription(text(in, "ExportArn"), text(in, "ExportStatus"), time(in, "StartTime"),
                time(in, "EndTime"), text(in, "ExportManifest"), text(in, "TableArn"), text(in, "TableId"), time(in, "ExportTime"),
                text(in, "ClientToken"), text(in, "S3Bucket"), text(in, "S3BucketOwner"), text(in, "S3Prefix"),
                text(in, "S3SseAlgorithm"), text(in, "S3SseKmsKeyId"), text(in, "FailureCode"), text(in, "FailureMessage"),
                text(in, "ExportFormat"), number(in, "BilledSizeBytes"), number(in, "ItemCount"), text(in, "ExportType"), incremental);
        return new ExportJob(d, text(in, "accountId"));
    }

    public static JsonObject importJob(ImportJob job) {
        ImportTableDescription d = job.description();
        JsonObjectBuilder out = DynamoDbJson.object().add("kind", IMPORT);
        put(out, "accountId", job.accountId());
        put(out, "ImportArn", d.importArn());
        put(out, "ImportStatus", d.importStatus());
        put(out, "TableArn", d.tableArn());
        put(out, "TableId", d.tableId());
        put(out, "ClientToken", d.clientToken());
        S3BucketSource source = d.s3BucketSource();
        JsonObjectBuilder s3 = DynamoDbJson.object();
        put(s3, "S3Bucket", source.s3Bucket());
        put(s3, "S3BucketOwner", source.s3BucketOwner());
        put(s3, "S3KeyPrefix", source.s3KeyPrefix());
        out.add("S3BucketSource", s3);
        out.add("ErrorCount", d.errorCount());
        put(out, "CloudWatchLogGroupArn", d.cloudWatchLogGroupArn());
        put(out, "InputFormat", d.inputFormat());
        if (d.csvOptions() != null) {
            JsonObjectBuilder csv = DynamoDbJson.object();
            put(csv, "Delimiter", d.csvOptions().delimiter());
            if (d.csvOptions().headerList() != null) csv.add("HeaderList", strings(d.csvOptions().headerList()));
            out.add("Csv", csv);
        }
        put(out, "InputCompressionType", d.inputCompressionType());
        out.add("TableCreationParameters", table(d.tableCreationParameters()));
        put(out, "StartTime", d.startTime());
        put(out, "EndTime", d.endTime());
        out.add("ProcessedSizeBytes", d.processedSizeBytes());
        out.add("ProcessedItemCount", d.processedItemCount());
        out.add("ImportedItemCount", d.importedItemCount());
        put(out, "FailureCode", d.failureCode());
        put(out, "FailureMessage", d.failureMessage());
        return out.build();
    }

    public static ImportJob importJob(JsonObject in) {
        JsonObject s3 = in.getJsonObject("S3BucketSource");
        JsonObject csv = in.getJsonObject("Csv");
        CsvOptions csvOptions = csv == null ? null : new CsvOptions(text(csv, "Delimiter"),
                csv.containsKey("HeaderList") ? strings(csv.getJsonArray("HeaderList")) : null);
        ImportTableDescription d = new ImportTableDescription(text(in, "ImportArn"), text(in, "ImportStatus"), text(in, "TableArn"),
                text(in, "TableId"), text(in, "ClientToken"),
                new S3BucketSource(text(s3, "S3Bucket"), text(s3, "S3BucketOwner"), text(s3, "S3KeyPrefix")),
                number(in, "ErrorCount"), text(in, "CloudWatchLogGroupArn"), text(in, "InputFormat"), csvOptions,
                text(in, "InputCompressionType"), table(in.getJsonObject("TableCreationParameters")), time(in, "StartTime"),
                time(in, "EndTime"), number(in, "ProcessedSizeBytes"), number(in, "ProcessedItemCount"), number(in, "ImportedItemCount"),
                text(in, "FailureCode"), text(in, "FailureMessage"));
        return new ImportJob(d, text(in, "accountId"));
    }

    /** TableCreationParameters: the members an import keeps (name, keys, billing, throughput, GSIs). */
    static JsonObject table(CreateTableRequest table) {
        JsonObjectBuilder out = DynamoDbJson.object();
        put(out, "TableName", table.tableName());
        JsonArrayBuilder definitions = DynamoDbJson.array();
        for (AttributeDefinition definition : table.attributeDefinitions()) {
            definitions.add(DynamoDbJson.object().add("AttributeName", definition.attributeName())
                    .add("AttributeType", definition.attributeType()));
        }
        out.add("AttributeDefinitions", definitions);
        out.add("KeySchema", keySchema(table.keySchema()));
        put(out, "BillingMode", table.billingMode());
        if (table.provisionedThroughput() != null) out.add("ProvisionedThroughput", throughput(table.provisionedThroughput()));
        if (table.globalSecondaryIndexes() != null) {
            JsonArrayBuilder indexes = DynamoDbJson.array();
            for (SecondaryIndexRequest index : table.globalSecondaryIndexes()) {
                JsonObjectBuilder gsi = DynamoDbJson.object().add("IndexName", index.indexName()).add("KeySchema", keySchema(index.keySchema()));
                if (index.projection() != null) {
                    JsonObjectBuilder projection = DynamoDbJson.object();
                    put(projection, "ProjectionType", index.projection().projectionType());
                    if (index.projection().nonKeyAttributes() != null) {
                        projection.add("NonKeyAttributes", strings(index.projection().nonKeyAttributes()));
                    }
                    gsi.add("Projection", projection);
                }
                if (index.provisionedThroughput() != null) gsi.add("ProvisionedThroughput", throughput(index.provisionedThroughput()));
                indexes.add(gsi);
            }
            out.add("GlobalSecondaryIndexes", indexes);
        }
        return out.build();
    }

    static CreateTableRequest table(JsonObject in) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        for (JsonValue value : in.getJsonArray("AttributeDefinitions")) {
            JsonObject definition = value.asJsonObject();
            definitions.add(new AttributeDefinition(text(definition, "AttributeName"), text(definition, "AttributeType")));
        }
        List<SecondaryIndexRequest> indexes = null;
        if (in.containsKey("GlobalSecondaryIndexes")) {
            indexes = new ArrayList<>();
            for (JsonValue value : in.getJsonArray("GlobalSecondaryIndexes")) {
                JsonObject gsi = value.asJsonObject();
                JsonObject projection = gsi.getJsonObject("Projection");
                indexes.add(new SecondaryIndexRequest(text(gsi, "IndexName"), keySchema(gsi.getJsonArray("KeySchema")),
                        projection == null ? null : new IndexProjection(text(projection, "ProjectionType"),
                                projection.containsKey("NonKeyAttributes") ? strings(projection.getJsonArray("NonKeyAttributes")) : null),
                        throughput(gsi.getJsonObject("ProvisionedThroughput"))));
            }
        }
        return new CreateTableRequest(text(in, "TableName"), definitions, keySchema(in.getJsonArray("KeySchema")),
                text(in, "BillingMode"), throughput(in.getJsonObject("ProvisionedThroughput")), null, indexes, null, null, null, null);
    }

    private static JsonArrayBuilder keySchema(List<KeySchemaElement> keySchema) {
        JsonArrayBuilder out = DynamoDbJson.array();
        for (KeySchemaElement key : keySchema) out.add(DynamoDbJson.object().add("AttributeName", key.attributeName()).add("KeyType", key.keyType()));
        return out;
    }

    private static List<KeySchemaElement> keySchema(JsonArray in) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (JsonValue value : in) keys.add(new KeySchemaElement(text(value.asJsonObject(), "AttributeName"), text(value.asJsonObject(), "KeyType")));
        return keys;
    }

    private static JsonObjectBuilder throughput(ProvisionedThroughput throughput) {
        JsonObjectBuilder out = DynamoDbJson.object();
        if (throughput.readCapacityUnits() != null) out.add("ReadCapacityUnits", throughput.readCapacityUnits());
        if (throughput.writeCapacityUnits() != null) out.add("WriteCapacityUnits", throughput.writeCapacityUnits());
        return out;
    }

    private static ProvisionedThroughput throughput(JsonObject in) {
        if (in == null) return null;
        return new ProvisionedThroughput(in.containsKey("ReadCapacityUnits") ? in.getJsonNumber("ReadCapacityUnits").longValue() : null,
                in.containsKey("WriteCapacityUnits") ? in.getJsonNumber("WriteCapacityUnits").longValue() : null);
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder out = DynamoDbJson.array();
        values.forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonArray in) {
        List<String> values = new ArrayList<>();
        for (JsonValue value : in) values.add(((JsonString) value).getString());
        return values;
    }

    private static void put(JsonObjectBuilder out, String name, String value) {
        if (value != null) out.add(name, value);
    }

    private static void put(JsonObjectBuilder out, String name, Instant value) {
        if (value != null) out.add(name, value.toEpochMilli());
    }

    private static String text(JsonObject in, String name) {
        JsonValue value = in.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    private static Instant time(JsonObject in, String name) {
        JsonValue value = in.get(name);
        return value instanceof JsonNumber n ? Instant.ofEpochMilli(n.longValue()) : null;
    }

    private static long number(JsonObject in, String name) {
        JsonValue value = in.get(name);
        return value instanceof JsonNumber n ? n.longValue() : 0;
    }
}
