package io.modyn.api.export;

import io.modyn.api.dynamodb.RequestContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * DynamoDB's export to S3 and import from S3 ({@code DynamoDB_20120810.ExportTableToPointInTime}
 * and the five operations beside it). Both are jobs: the starting call checks the request and the
 * caller's permission, records the job and answers at once with its description (IN_PROGRESS);
 * the job runs in the background and its description tells its progress and outcome. Errors are
 * thrown as {@link io.modyn.api.model.DynamoException} with DynamoDB's types and messages.
 */
@ProviderType
public interface DynamoDbExportService {

    ExportDescription exportTableToPointInTime(ExportTableToPointInTimeRequest request, RequestContext context);

    ExportDescription describeExport(DescribeExportRequest request, RequestContext context);

    ListExportsResponse listExports(ListExportsRequest request, RequestContext context);

    ImportTableDescription importTable(ImportTableRequest request, RequestContext context);

    ImportTableDescription describeImport(DescribeImportRequest request, RequestContext context);

    ListImportsResponse listImports(ListImportsRequest request, RequestContext context);
}
