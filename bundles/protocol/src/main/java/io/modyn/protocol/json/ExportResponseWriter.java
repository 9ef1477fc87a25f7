package io.modyn.protocol.json;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.export.ExportDescription;
import io.modyn.api.export.ExportSummary;
import io.modyn.api.export.ImportSummary;
import io.modyn.api.export.ImportTableDescription;
import io.modyn.api.export.ListExportsResponse;
import io.modyn.api.export.ListImportsResponse;
import io.modyn.api.export.S3BucketSource;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * Writes the export and import responses in the API reference's shapes: ExportDescription
 * (ExportTableToPointInTime, DescribeExport), ExportSummaries, ImportTableDescription (ImportTable,
 * DescribeImport) and ImportSummaryList. Null members are left out; times are epoch seconds.
 */
public final class ExportResponseWriter {

    private ExportResponseWriter() {
    }

    public static void exportDescription(JsonGenerator out, ExportDescription d) {
        out.writeStartObject();
        out.writeStartObject("ExportDescription");
        text(out, "ExportArn", d.exportArn());
        text(out, "ExportStatus", d.exportStatus());
        Timestamps.write(out, "StartTime", d.startTime());
        Timestamps.write(out, "EndTime", d.endTime());
        text(out, "ExportManifest", d.exportManifest());
        text(out, "TableArn", d.tableArn());
        text(out, "TableId", d.tableId());
        Timestamps.write(out, "ExportTime", d.exportTime());
        text(out, "ClientToken", d.clientToken());
        text(out, "S3Bucket", d.s3Bucket());
        text(out, "S3BucketOwner", d.s3BucketOwner());
        text(out, "S3Prefix", d.s3Prefix());
        text(out, "S3SseAlgorithm", d.s3SseAlgorithm());
        text(out, "S3SseKmsKeyId", d.s3SseKmsKeyId());
        text(out, "FailureCode", d.failureCode());
        text(out, "FailureMessage", d.failureMessage());
        text(out, "ExportFormat", d.exportFormat());
        out.write("BilledSizeBytes", d.billedSizeBytes());
        out.write("ItemCount", d.itemCount());
        text(out, "ExportType", d.exportType());
        if (d.incrementalExportSpecification() != null) {
            out.writeStartObject("IncrementalExportSpecification");
            Timestamps.write(out, "ExportFromTime", d.incrementalExportSpecification().exportFromTime());
            Timestamps.write(out, "ExportToTime", d.incrementalExportSpecification().exportToTime());
            text(out, "ExportViewType", d.incrementalExportSpecification().exportViewType());
            out.writeEnd();
        }
        out.writeEnd();
        out.writeEnd();
    }

    public static void listExports(JsonGenerator out, ListExportsResponse response) {
        out.writeStartObject();
        out.writeStartArray("ExportSummaries");
        for (ExportSummary summary : response.exportSummaries()) {
            out.writeStartObject();
            text(out, "ExportArn", summary.exportArn());
            text(out, "ExportStatus", summary.exportStatus());
            text(out, "ExportType", summary.exportType());
            out.writeEnd();
        }
        out.writeEnd();
        text(out, "NextToken", response.nextToken());
        out.writeEnd();
    }

    public static void importDescription(JsonGenerator out, ImportTableDescription d) {
        out.writeStartObject();
        out.writeStartObject("ImportTableDescription");
        text(out, "ImportArn", d.importArn());
        text(out, "ImportStatus", d.importStatus());
        text(out, "TableArn", d.tableArn());
        text(out, "TableId", d.tableId());
        text(out, "ClientToken", d.clientToken());
        s3BucketSource(out, d.s3BucketSource());
        out.write("ErrorCount", d.errorCount());
        text(out, "CloudWatchLogGroupArn", d.cloudWatchLogGroupArn());
        text(out, "InputFormat", d.inputFormat());
        if (d.csvOptions() != null) {
            out.writeStartObject("InputFormatOptions");
            out.writeStartObject("Csv");
            text(out, "Delimiter", d.csvOptions().delimiter());
            if (d.csvOptions().headerList() != null) {
                out.writeStartArray("HeaderList");
                d.csvOptions().headerList().forEach(out::write);
                out.writeEnd();
            }
            out.writeEnd();
            out.writeEnd();
        }
        text(out, "InputCompressionType", d.inputCompressionType());
        if (d.tableCreationParameters() != null) tableCreationParameters(out, d.tableCreationParameters());
        Timestamps.write(out, "StartTime", d.startTime());
        Timestamps.write(out, "EndTime", d.endTime());
        out.write("ProcessedSizeBytes", d.processedSizeBytes());
        out.write("ProcessedItemCount", d.processedItemCount());
        out.write("ImportedItemCount", d.importedItemCount());
        text(out, "FailureCode", d.failureCode());
        text(out, "FailureMessage", d.failureMessage());
        out.writeEnd();
        out.writeEnd();
    }

    public static void listImports(JsonGenerator out, ListImportsResponse response) {
        out.writeStartObject();
        out.writeStartArray("ImportSummaryList");
        for (ImportSummary summary : response.importSummaryList()) {
            out.writeStartObject();
            text(out, "ImportArn", summary.importArn());
            text(out, "ImportStatus", summary.importStatus());
            text(out, "TableArn", summary.tableArn());
            s3BucketSource(out, summary.s3BucketSource());
            text(out, "CloudWatchLogGroupArn", summary.cloudWatchLogGroupArn());
            text(out, "InputFormat", summary.inputFormat());
            Timestamps.write(out, "StartTime", summary.startTime());
            Timestamps.write(out, "EndTime", summary.endTime());
            out.writeEnd();
        }
        out.writeEnd();
        text(out, "NextToken", response.nextToken());
        out.writeEnd();
    }

    private static void s3BucketSource(JsonGenerator out, S3BucketSource source) {
        if (source == null) return;
        out.writeStartObject("S3BucketSource");
        text(out, "S3Bucket", source.s3Bucket());
        text(out, "S3BucketOwner", source.s3BucketOwner());
        text(out, "S3KeyPrefix", source.s3KeyPrefix());
        out.writeEnd();
    }

    private static void tableCreationParameters(JsonGenerator out, CreateTableRequest table) {
        out.writeStartObject("TableCreationParameters");
        text(out, "TableName", table.tableName());
        if (table.attributeDefinitions() != null) {
            out.writeStartArray("AttributeDefinitions");
            for (AttributeDefinition definition : table.attributeDefinitions()) {
                out.writeStartObject();
                text(out, "AttributeName", definition.attributeName());
                text(out, "AttributeType", definition.attributeType());
                out.writeEnd();
            }
            out.writeEnd();
        }
        keySchema(out, table.keySchema());
        text(out, "BillingMode", table.billingMode());
        throughput(out, table.provisionedThroughput());
        if (table.globalSecondaryIndexes() != null) {
            out.writeStartArray("GlobalSecondaryIndexes");
            for (SecondaryIndexRequest index : table.globalSecondaryIndexes()) {
                out.writeStartObject();
                text(out, "IndexName", index.indexName());
                keySchema(out, index.keySchema());
                if (index.projection() != null) {
                    out.writeStartObject("Projection");
                    text(out, "ProjectionType", index.projection().projectionType());
                    if (index.projection().nonKeyAttributes() != null) {
                        out.writeStartArray("NonKeyAttributes");
                        index.projection().nonKeyAttributes().forEach(out::write);
                        out.writeEnd();
                    }
                    out.writeEnd();
                }
                throughput(out, index.provisionedThroughput());
                out.writeEnd();
            }
            out.writeEnd();
        }
        out.writeEnd();
    }

    private static void keySchema(JsonGenerator out, List<KeySchemaElement> keySchema) {
        if (keySchema == null) return;
        out.writeStartArray("KeySchema");
        for (KeySchemaElement key : keySchema) {
            out.writeStartObject();
            text(out, "AttributeName", key.attributeName());
            text(out, "KeyType", key.keyType());
            out.writeEnd();
        }
        out.writeEnd();
    }

    private static void throughput(JsonGenerator out, ProvisionedThroughput throughput) {
        if (throughput == null) return;
        out.writeStartObject("ProvisionedThroughput");
        if (throughput.readCapacityUnits() != null) out.write("ReadCapacityUnits", throughput.readCapacityUnits());
        if (throughput.writeCapacityUnits() != null) out.write("WriteCapacityUnits", throughput.writeCapacityUnits());
        out.writeEnd();
    }

    private static void text(JsonGenerator out, String name, String value) {
        if (value != null) out.write(name, value);
    }
}
