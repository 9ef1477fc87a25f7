package io.modyn.export;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.CreateTableResponse;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.export.CsvOptions;
import io.modyn.api.export.DescribeImportRequest;
import io.modyn.api.export.ImportSummary;
import io.modyn.api.export.ImportTableDescription;
import io.modyn.api.export.ImportTableRequest;
import io.modyn.api.export.ListImportsRequest;
import io.modyn.api.export.ListImportsResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.export.job.ImportErrorLog;
import io.modyn.export.job.ImportJob;
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
 * ImportTable, DescribeImport and ListImports. ImportTable creates the table at once (so an
 * existing table is refused as CreateTable refuses it: ResourceInUseException) and loads it in the
 * background; the caller needs {@code dynamodb:ImportTable} on the new table's ARN.
 */
final class ImportOperations {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(8);
    static final List<String> FORMATS = List.of("DYNAMODB_JSON", "ION", "CSV");
    static final List<String> COMPRESSIONS = List.of("GZIP", "ZSTD", "NONE");
    /** The delimiters ImportTable accepts for CSV. */
    static final String DELIMITERS = ",\t:;| ";
    private static final int MAX_PAGE = 25;
    private static final int MAX_HEADERS = 255;

    private final Supplier<DynamoDbService> dynamoDb;
    private final JobStore jobs;
    private final JobRunner runner;
    private final CallerAccess access;
    private final Clock clock;
    private final String region;
    private final String defaultAccountId;

    ImportOperations(Supplier<DynamoDbService> dynamoDb, JobStore jobs, JobRunner runner, CallerAccess access, Clock clock,
                     String region, String defaultAccountId) {
        this.dynamoDb = dynamoDb;
        this.jobs = jobs;
        this.runner = runner;
        this.access = access;
        this.clock = clock;
        this.region = region;
        this.defaultAccountId = defaultAccountId;
    }

    ImportTableDescription importTable(ImportTableRequest request, RequestContext context) {
        Validation.required(request.s3BucketSource(), "s3BucketSource");
        Validation.required(request.inputFormat(), "inputFormat");
        Validation.required(request.tableCreationParameters(), "tableCreationParameters");
        Validation.required(request.s3BucketSource().s3Bucket(), "s3BucketSource.s3Bucket");
        Validation.oneOf(request.inputFormat(), "inputFormat", FORMATS);
        Validation.oneOf(request.inputCompressionType(), "inputCompressionType", COMPRESSIONS);
        CsvOptions csv = request.csvOptions();
        if (csv != null) {
            if (!"CSV".equals(request.inputFormat())) {
                throw DynamoException.validation("InputFormatOptions are only supported for the CSV InputFormat");
            }
            if (csv.delimiter() != null && (csv.delimiter().length() != 1 || DELIMITERS.indexOf(csv.delimiter().charAt(0)) < 0)) {
                throw DynamoException.validation("1 validation error detected: Value '" + csv.delimiter()
                        + "' at 'inputFormatOptions.csv.delimiter' failed to satisfy constraint: Member must satisfy regular expression pattern: [,;:|\\t ]");
            }
            if (csv.headerList() != null && (csv.headerList().isEmpty() || csv.headerList().size() > MAX_HEADERS)) {
                throw DynamoException.validation("1 validation error detected: Value at 'inputFormatOptions.csv.headerList' failed to satisfy "
                        + "constraint: Member must have length between 1 and " + MAX_HEADERS);
            }
        }
        CreateTableRequest table = request.tableCreationParameters();
        Validation.required(table.tableName(), "tableCreationParameters.tableName");
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (request.clientToken() != null) {
            ImportTableDescription earlier = byClientToken(request.clientToken(), now);
            if (earlier != null) {
                if (sameRequest(earlier, request)) return earlier;
                throw new DynamoException(ErrorType.IMPORT_CONFLICT,
                        "An import with client token " + request.clientToken() + " and different parameters already exists");
            }
        }
        String accountId = context.principal() == null ? defaultAccountId : context.principal().accountId();
        access.require(context, "dynamodb:ImportTable", JobArns.tableArn(region, accountId, table.tableName()));
        String jobAccount = context.principal() == null ? null : accountId;
        CreateTableResponse created = dynamoDb.get().createTable(table, JobContexts.of(jobAccount));
        String tableArn = created.tableDescription().tableArn();
        String importArn = tableArn + "/import/" + JobArns.newJobId(now);
        ImportTableDescription started = new ImportTableDescription(importArn, "IN_PROGRESS", tableArn,
                created.tableDescription().definition().tableId(), request.clientToken(), request.s3BucketSource(), 0,
                ImportErrorLog.logGroupArn(region, accountId), request.inputFormat(), csv,
                request.inputCompressionType() == null ? "NONE" : request.inputCompressionType(), table, now, null, 0, 0, 0, null, null);
        ImportJob job = new ImportJob(started, jobAccount);
        jobs.save(importArn, JobJson.importJob(job));
        runner.start(job);
        return started;
    }

    ImportTableDescription describe(DescribeImportRequest request, RequestContext context) {
        Validation.required(request.importArn(), "importArn");
        if (JobArns.jobTable(request.importArn()) == null || !request.importArn().contains("/import/")) {
            throw DynamoException.validation("Invalid ImportArn: " + request.importArn());
        }
        access.require(context, "dynamodb:DescribeImport", request.importArn());
        JsonObject stored = jobs.find(request.importArn());
        if (stored == null || !JobJson.IMPORT.equals(stored.getString("kind", null))) {
            throw new DynamoException(ErrorType.IMPORT_NOT_FOUND, "Import not found: " + request.importArn());
        }
        return JobJson.importJob(stored).description();
    }

    ListImportsResponse list(ListImportsRequest request, RequestContext context) {
        Validation.range(request.pageSize(), "pageSize", 1, MAX_PAGE);
        access.require(context, "dynamodb:ListImports", "*");
        List<ImportTableDescription> all = new ArrayList<>();
        for (JsonObject stored : jobs.all()) {
            if (!JobJson.IMPORT.equals(stored.getString("kind", null))) continue;
            ImportTableDescription d = JobJson.importJob(stored).description();
            if (request.tableArn() == null || request.tableArn().equals(d.tableArn())) all.add(d);
        }
        all.sort(Comparator.comparing(ImportTableDescription::startTime).reversed().thenComparing(ImportTableDescription::importArn));
        int from = 0;
        if (request.nextToken() != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).importArn().equals(request.nextToken())) from = i + 1;
            }
            if (from < 0) throw DynamoException.validation("Invalid NextToken");
        }
        int limit = request.pageSize() == null ? MAX_PAGE : request.pageSize();
        List<ImportSummary> page = new ArrayList<>();
        for (int i = from; i < all.size() && page.size() < limit; i++) {
            ImportTableDescription d = all.get(i);
            page.add(new ImportSummary(d.importArn(), d.importStatus(), d.tableArn(), d.s3BucketSource(), d.cloudWatchLogGroupArn(),
                    d.inputFormat(), d.startTime(), d.endTime()));
        }
        String next = from + page.size() < all.size() ? page.get(page.size() - 1).importArn() : null;
        return new ListImportsResponse(page, next);
    }

    private ImportTableDescription byClientToken(String clientToken, Instant now) {
        for (JsonObject stored : jobs.all()) {
            if (!JobJson.IMPORT.equals(stored.getString("kind", null))) continue;
            ImportTableDescription d = JobJson.importJob(stored).description();
            if (clientToken.equals(d.clientToken()) && d.startTime().isAfter(now.minus(IDEMPOTENCY_WINDOW))) return d;
        }
        return null;
    }

    private static boolean sameRequest(ImportTableDescription d, ImportTableRequest r) {
        return Objects.equals(d.s3BucketSource(), r.s3BucketSource()) && d.inputFormat().equals(r.inputFormat())
                && Objects.equals(d.csvOptions(), r.csvOptions())
                && d.inputCompressionType().equals(r.inputCompressionType() == null ? "NONE" : r.inputCompressionType())
                && d.tableCreationParameters().tableName().equals(r.tableCreationParameters().tableName());
    }
}
