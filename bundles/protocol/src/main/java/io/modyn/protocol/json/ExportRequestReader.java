package io.modyn.protocol.json;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.export.CsvOptions;
import io.modyn.api.export.DescribeExportRequest;
import io.modyn.api.export.DescribeImportRequest;
import io.modyn.api.export.ExportTableToPointInTimeRequest;
import io.modyn.api.export.ImportTableRequest;
import io.modyn.api.export.IncrementalExportSpecification;
import io.modyn.api.export.ListExportsRequest;
import io.modyn.api.export.ListImportsRequest;
import io.modyn.api.export.S3BucketSource;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SseSpecification;
import io.modyn.protocol.json.JsonInput.Placement;
import java.time.Instant;
import java.util.List;

/**
 * Reads the export and import requests: ExportTableToPointInTime, DescribeExport, ListExports,
 * ImportTable (its TableCreationParameters as a CreateTable request), DescribeImport and
 * ListImports. The export service validates them.
 */
public final class ExportRequestReader {

    private ExportRequestReader() {
    }

    public static ExportTableToPointInTimeRequest exportTableToPointInTime(JsonInput in) {
        String tableArn = null;
        Instant exportTime = null;
        String clientToken = null;
        String s3Bucket = null;
        String s3BucketOwner = null;
        String s3Prefix = null;
        String s3SseAlgorithm = null;
        String s3SseKmsKeyId = null;
        String exportFormat = null;
        String exportType = null;
        IncrementalExportSpecification incremental = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableArn" -> tableArn = in.readString();
                case "ExportTime" -> exportTime = in.readTimestamp();
                case "ClientToken" -> clientToken = in.readString();
                case "S3Bucket" -> s3Bucket = in.readString();
                case "S3BucketOwner" -> s3BucketOwner = in.readString();
                case "S3Prefix" -> s3Prefix = in.readString();
                case "S3SseAlgorithm" -> s3SseAlgorithm = in.readString();
                case "S3SseKmsKeyId" -> s3SseKmsKeyId = in.readString();
                case "ExportFormat" -> exportFormat = in.readString();
                case "ExportType" -> exportType = in.readString();
                case "IncrementalExportSpecification" -> incremental = readIncremental(in);
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new ExportTableToPointInTimeRequest(tableArn, exportTime, clientToken, s3Bucket, s3BucketOwner, s3Prefix,
                s3SseAlgorithm, s3SseKmsKeyId, exportFormat, exportType, incremental);
    }

    public static DescribeExportRequest describeExport(JsonInput in) {
        String exportArn = null;
        in.beginRequest();
        while (in.nextMember()) {
            if (in.memberName().equals("ExportArn")) exportArn = in.readString();
            else in.skipValue();
        }
        in.endRequest();
        return new DescribeExportRequest(exportArn);
    }

    public static ListExportsRequest listExports(JsonInput in) {
        String tableArn = null;
        Integer maxResults = null;
        String nextToken = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableArn" -> tableArn = in.readString();
                case "MaxResults" -> maxResults = in.readInteger();
                case "NextToken" -> nextToken = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new ListExportsRequest(tableArn, maxResults, nextToken);
    }

    public static ImportTableRequest importTable(JsonInput in) {
        String clientToken = null;
        S3BucketSource source = null;
        String inputFormat = null;
        CsvOptions csv = null;
        String compression = null;
        CreateTableRequest table = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ClientToken" -> clientToken = in.readString();
                case "S3BucketSource" -> source = readS3BucketSource(in);
                case "InputFormat" -> inputFormat = in.readString();
                case "InputFormatOptions" -> csv = readInputFormatOptions(in);
                case "InputCompressionType" -> compression = in.readString();
                case "TableCreationParameters" -> table = readTableCreationParameters(in);
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new ImportTableRequest(clientToken, source, inputFormat, csv, compression, table);
    }

    public static DescribeImportRequest describeImport(JsonInput in) {
        String importArn = null;
        in.beginRequest();
        while (in.nextMember()) {
            if (in.memberName().equals("ImportArn")) importArn = in.readString();
            else in.skipValue();
        }
        in.endRequest();
        return new DescribeImportRequest(importArn);
    }

    public static ListImportsRequest listImports(JsonInput in) {
        String tableArn = null;
        Integer pageSize = null;
        String nextToken = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableArn" -> tableArn = in.readString();
                case "PageSize" -> pageSize = in.readInteger();
                case "NextToken" -> nextToken = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new ListImportsRequest(tableArn, pageSize, nextToken);
    }

    private static IncrementalExportSpecification readIncremental(JsonInput in) {
        if (!in.beginStruct("IncrementalExportSpecification", Placement.FIELD)) return null;
        Instant from = null;
        Instant to = null;
        String viewType = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ExportFromTime" -> from = in.readTimestamp();
                case "ExportToTime" -> to = in.readTimestamp();
                case "ExportViewType" -> viewType = in.readString();
                default -> in.skipValue();
            }
        }
        return new IncrementalExportSpecification(from, to, viewType);
    }

    private static S3BucketSource readS3BucketSource(JsonInput in) {
        if (!in.beginStruct("S3BucketSource", Placement.FIELD)) return null;
        String bucket = null;
        String owner = null;
        String prefix = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "S3Bucket" -> bucket = in.readString();
                case "S3BucketOwner" -> owner = in.readString();
                case "S3KeyPrefix" -> prefix = in.readString();
                default -> in.skipValue();
            }
        }
        return new S3BucketSource(bucket, owner, prefix);
    }

    private static CsvOptions readInputFormatOptions(JsonInput in) {
        if (!in.beginStruct("InputFormatOptions", Placement.FIELD)) return null;
        CsvOptions csv = null;
        while (in.nextMember()) {
            if (in.memberName().equals("Csv")) csv = readCsv(in);
            else in.skipValue();
        }
        return csv;
    }

    private static CsvOptions readCsv(JsonInput in) {
        if (!in.beginStruct("CsvOptions", Placement.FIELD)) return null;
        String delimiter = null;
        List<String> headers = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Delimiter" -> delimiter = in.readString();
                case "HeaderList" -> headers = in.readStringList();
                default -> in.skipValue();
            }
        }
        return new CsvOptions(delimiter, headers);
    }

    /** TableCreationParameters: CreateTable's members that an import may give. */
    private static CreateTableRequest readTableCreationParameters(JsonInput in) {
        if (!in.beginStruct("TableCreationParameters", Placement.FIELD)) return null;
        String tableName = null;
        List<AttributeDefinition> attributeDefinitions = null;
        List<KeySchemaElement> keySchema = null;
        String billingMode = null;
        ProvisionedThroughput throughput = null;
        List<SecondaryIndexRequest> globalSecondaryIndexes = null;
        SseSpecification sse = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "AttributeDefinitions" -> attributeDefinitions = TableRequestReader.readAttributeDefinitions(in);
                case "KeySchema" -> keySchema = TableRequestReader.readKeySchema(in);
                case "BillingMode" -> billingMode = in.readString();
                case "ProvisionedThroughput" -> throughput = TableRequestReader.readProvisionedThroughput(in);
                case "GlobalSecondaryIndexes" -> globalSecondaryIndexes = IndexRequestReader.readGlobalSecondaryIndexes(in);
                case "SSESpecification" -> sse = TableRequestReader.readSseSpecification(in);
                default -> in.skipValue();
            }
        }
        return new CreateTableRequest(tableName, attributeDefinitions, keySchema, billingMode, throughput, null,
                globalSecondaryIndexes, null, null, null, null, null, sse);
    }
}
