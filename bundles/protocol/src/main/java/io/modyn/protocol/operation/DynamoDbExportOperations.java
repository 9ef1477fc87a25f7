package io.modyn.protocol.operation;

import io.modyn.api.export.DynamoDbExportService;
import io.modyn.protocol.json.ExportRequestReader;
import io.modyn.protocol.json.ExportResponseWriter;
import java.util.List;

/**
 * The export and import operations of the DynamoDB API ({@code DynamoDB_20120810.ExportTableToPointInTime}
 * and the five beside it), run by the {@link DynamoDbExportService} an export bundle registers.
 * Without one bound they are unknown operations, as on a server built without exports.
 */
final class DynamoDbExportOperations {

    private static final List<Operation<DynamoDbExportService, ?, ?>> ALL = List.of(
            new Operation<>("ExportTableToPointInTime", ExportRequestReader::exportTableToPointInTime,
                    DynamoDbExportService::exportTableToPointInTime, ExportResponseWriter::exportDescription),
            new Operation<>("DescribeExport", ExportRequestReader::describeExport, DynamoDbExportService::describeExport,
                    ExportResponseWriter::exportDescription),
            new Operation<>("ListExports", ExportRequestReader::listExports, DynamoDbExportService::listExports,
                    ExportResponseWriter::listExports),
            new Operation<>("ImportTable", ExportRequestReader::importTable, DynamoDbExportService::importTable,
                    ExportResponseWriter::importDescription),
            new Operation<>("DescribeImport", ExportRequestReader::describeImport, DynamoDbExportService::describeImport,
                    ExportResponseWriter::importDescription),
            new Operation<>("ListImports", ExportRequestReader::listImports, DynamoDbExportService::listImports,
                    ExportResponseWriter::listImports));

    private DynamoDbExportOperations() {
    }

    static List<Operation<DynamoDbExportService, ?, ?>> all() {
        return ALL;
    }
}
