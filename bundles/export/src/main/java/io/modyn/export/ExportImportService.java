package io.modyn.export;

import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.export.DescribeExportRequest;
import io.modyn.api.export.DescribeImportRequest;
import io.modyn.api.export.DynamoDbExportService;
import io.modyn.api.export.ExportDescription;
import io.modyn.api.export.ExportTableToPointInTimeRequest;
import io.modyn.api.export.ImportTableDescription;
import io.modyn.api.export.ImportTableRequest;
import io.modyn.api.export.ListExportsRequest;
import io.modyn.api.export.ListExportsResponse;
import io.modyn.api.export.ListImportsRequest;
import io.modyn.api.export.ListImportsResponse;

/** The six operations, each handed to the export or import side. Knows nothing of OSGi. */
final class ExportImportService implements DynamoDbExportService {

    private final ExportOperations exports;
    private final ImportOperations imports;

    ExportImportService(ExportOperations exports, ImportOperations imports) {
        this.exports = exports;
        this.imports = imports;
    }

    @Override
    public ExportDescription exportTableToPointInTime(ExportTableToPointInTimeRequest request, RequestContext context) {
        return exports.export(request, context);
    }

    @Override
    public ExportDescription describeExport(DescribeExportRequest request, RequestContext context) {
        return exports.describe(request, context);
    }

    @Override
    public ListExportsResponse listExports(ListExportsRequest request, RequestContext context) {
        return exports.list(request, context);
    }

    @Override
    public ImportTableDescription importTable(ImportTableRequest request, RequestContext context) {
        return imports.importTable(request, context);
    }

    @Override
    public ImportTableDescription describeImport(DescribeImportRequest request, RequestContext context) {
        return imports.describe(request, context);
    }

    @Override
    public ListImportsResponse listImports(ListImportsRequest request, RequestContext context) {
        return imports.list(request, context);
    }
}
