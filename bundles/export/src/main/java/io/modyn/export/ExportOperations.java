package io.modyn.export;

import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.export.DescribeExportRequest;
import io.modyn.api.export.ExportDescription;
import io.modyn.api.export.ExportSummary;
import io.modyn.api.export.ExportTableToPointInTimeRequest;
import io.modyn.api.export.ListExportsRequest;
import io.modyn.api.export.ListExportsResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.export.job.ExportJob;
import io.modyn.export.job.JobArns;
import io.modyn.export.job.JobContexts;
import io.modyn.export.job.JobJson;
import io.modyn.export.job.JobRunner;
import io.modyn.export.job.JobStore;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * ExportTableToPointInTime, DescribeExport and ListExports.
 *
 * <p>Point in time: DynamoDB exports only tables with point-in-time recovery, at any ExportTime in
 * their recovery window. The engine keeps no history yet, so an export here reads the table as it
 * is while the export runs: ExportTime may be omitted or lie at most {@link #CLOCK_SKEW} from now;
 * earlier is InvalidExportTimeException, and INCREMENTAL_EXPORT (which needs the table's change
 * history) is PointInTimeRecoveryUnavailableException. PITR being enabled is not required (there is
 * no way to enable it yet). Both are the seams where a PITR snapshot plugs in.
 */
final class ExportOperations {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(8);
    static final List<String> FORMATS = List.of("DYNAMODB_JSON", "ION");
    static final List<String> TYPES = List.of("FULL_EXPORT", "INCREMENTAL_EXPORT");
    static final List<String> SSE = List.of("AES256", "KMS");
    private static final int MAX_LIST = 25;

    private final Supplier<DynamoDbService> dynamoDb;
    private final JobStore jobs;
    private final JobRunner runner;
    private final CallerAccess access;
    private final Clock clock;

    ExportOperations(Supplier<DynamoDbService> dynamoDb, JobStore jobs, JobRunner runner, CallerAccess access, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.jobs = jobs;
        this.runner = runner;
        this.access = access;
        this.clock = clock;
    }

    ExportDescription export(ExportTableToPointInTimeRequest request, RequestContext context) {
        Validation.required(request.tableArn(), "tableArn");
        Validation.required(request.s3Bucket(), "s3Bucket");
        Validation.oneOf(request.exportFormat(), "exportFormat", FORMATS);
        Validation.oneOf(request.exportType(), "exportType", TYPES);
        Validation.oneOf(request.s3SseAlgorithm(), "s3SseAlgorithm", SSE);
        String tableName = JobArns.tableName(request.tableArn());
        if (tableName == null) throw DynamoException.validation("Invalid TableArn: " + request.tableArn());
        access.require(context, "dynamodb:ExportTableToPointInTime", request.tableArn());
        String accountId = context.principal() == null ? null : context.principal().accountId();
        TableDescription table;
        try {
            table = dynamoDb.get().describeTable(new DescribeTableRequest(tableName), JobContexts.of(accountId)).table();
        } catch (DynamoException e) {
            if (e.type() != ErrorType.RESOURCE_NOT_FOUND) throw e;
            throw new DynamoException(ErrorType.TABLE_NOT_FOUND, "Table not found: " + request.tableArn());
        }
        String exportType = request.exportType() == null ? "FULL_EXPORT" : request.exportType();
        if (exportType.equals("INCREMENTAL_EXPORT")) {
            throw new DynamoException(ErrorType.POINT_IN_TIME_RECOVERY_UNAVAILABLE,
                    "Point in time recovery is not enabled for table '" + tableName + "'");
        }
        if (request.incrementalExportSpecification() != null) {
            throw DynamoException.validation("IncrementalExportSpecification is only supported with ExportType INCREMENTAL_EXPORT");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant exportTime = request.exportTime() == null ? now : request.exportTime();
        if (exportTime.isBefore(now.minus(CLOCK_SKEW))) {
            throw new DynamoException(ErrorType.INVALID_EXPORT_TIME,
                    "Export time " + exportTime + " is outside the point in time recovery window of table '" + tableName + "'");
        }
        if (exportTime.isAfter(now.plus(CLOCK_SKEW))) {
            throw new DynamoException(ErrorType.INVALID_EXPORT_TIME, "Export time " + exportTime + " is in the future");
        }
        String format = request.exportFormat() == null ? "DYNAMODB_JSON" : request.exportFormat();
        if (request.clientToken() != null) {
            ExportDescription earlier = byClientToken(request.clientToken(), now);
            if (earlier != null) {
                if (sameRequest(earlier, request, format, exportType)) return earlier;
                throw new DynamoException(ErrorType.EXPORT_CONFLICT,
                        "An export with client token " + request.clientToken() + " and different parameters already exists");
            }
        }
        String exportArn = request.tableArn() + "/export/" + JobArns.newJobId(now);
        ExportDescription started = new ExportDescription(exportArn, "IN_PROGRESS", now, null, null, request.tableArn(),
                table.definition().tableId(), exportTime, request.clientToken(), request.s3Bucket(), request.s3BucketOwner(),
                request.s3Prefix(), request.s3SseAlgorithm(), request.s3SseKmsKeyId(), null, null, format, 0, 0, exportType, null);
        ExportJob job = new ExportJob(started, accountId);
        jobs.save(exportArn, JobJson.export(job));
        runner.start(job);
        return started;
    }

    ExportDescription describe(DescribeExportRequest request, RequestContext context) {
        Validation.required(request.exportArn(), "exportArn");
        String table = JobArns.jobTable(request.exportArn());
        if (table == null || !request.exportArn().contains("/export/")) throw DynamoException.validation("Invalid ExportArn: " + request.exportArn());
        access.require(context, "dynamodb:DescribeExport", request.exportArn());
        JsonObject stored = jobs.find(request.exportArn());
        if (stored == null || !JobJson.EXPORT.equals(stored.getString("kind", null))) {
            throw new DynamoException(ErrorType.EXPORT_NOT_FOUND, "Export not found: " + request.exportArn());
        }
        return JobJson.export(stored).description();
    }

    ListExportsResponse list(ListExportsRequest request, RequestContext context) {
        Validation.range(request.maxResults(), "maxResults", 1, MAX_LIST);
        access.require(context, "dynamodb:ListExports", "*");
        List<ExportDescription> all = new ArrayList<>();
        for (JsonObject stored : jobs.all()) {
            if (!JobJson.EXPORT.equals(stored.getString("kind", null))) continue;
            ExportDescription d = JobJson.export(stored).description();
            if (request.tableArn() == null || request.tableArn().equals(d.tableArn())) all.add(d);
        }
        all.sort(Comparator.comparing(ExportDescription::startTime).reversed().thenComparing(ExportDescription::exportArn));
        int from = 0;
        if (request.nextToken() != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).exportArn().equals(request.nextToken())) from = i + 1;
            }
            if (from < 0) throw DynamoException.validation("Invalid NextToken");
        }
        int limit = request.maxResults() == null ? MAX_LIST : request.maxResults();
        List<ExportSummary> page = new ArrayList<>();
        for (int i = from; i < all.size() && page.size() < limit; i++) {
            page.add(new ExportSummary(all.get(i).exportArn(), all.get(i).exportStatus(), all.get(i).exportType()));
        }
        String next = from + page.size() < all.size() ? page.get(page.size() - 1).exportArn() : null;
        return new ListExportsResponse(page, next);
    }

    private ExportDescription byClientToken(String clientToken, Instant now) {
        for (JsonObject stored : jobs.all()) {
            if (!JobJson.EXPORT.equals(stored.getString("kind", null))) continue;
            ExportDescription d = JobJson.export(stored).description();
            if (clientToken.equals(d.clientToken()) && d.startTime().isAfter(now.minus(IDEMPOTENCY_WINDOW))) return d;
        }
        return null;
    }

    private static boolean sameRequest(ExportDescription d, ExportTableToPointInTimeRequest r, String format, String type) {
        return d.tableArn().equals(r.tableArn()) && d.s3Bucket().equals(r.s3Bucket()) && Objects.equals(d.s3Prefix(), r.s3Prefix())
                && Objects.equals(d.s3BucketOwner(), r.s3BucketOwner()) && Objects.equals(d.s3SseAlgorithm(), r.s3SseAlgorithm())
                && Objects.equals(d.s3SseKmsKeyId(), r.s3SseKmsKeyId()) && d.exportFormat().equals(format) && d.exportType().equals(type)
                && (r.exportTime() == null || r.exportTime().equals(d.exportTime()));
    }
}
