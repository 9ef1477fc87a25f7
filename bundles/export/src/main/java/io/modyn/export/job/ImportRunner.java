package io.modyn.export.job;

import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.BatchWriteItemResponse;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.export.CsvOptions;
import io.modyn.api.export.ImportTableDescription;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.export.format.Compression;
import io.modyn.export.format.DynamoDbJson;
import io.modyn.export.format.IonItemParser;
import io.modyn.export.format.ItemSource;
import io.modyn.export.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Loads one import: every object under the source prefix, decompressed and read line by line in
 * its format, written into the (already created) table in batches of 25. A line that is not an
 * item, lacks a key attribute or that DynamoDB refuses is counted in ErrorCount and logged; it
 * does not stop the import. An object that cannot be read fails the import.
 *
 * <p>Writes are plain puts, so running an import again after a restart rewrites the same items:
 * the counts start again from zero and the result is the same table.
 */
final class ImportRunner {

    static final int BATCH = 25;
    private static final long PROGRESS_MILLIS = 1000;

    private final Supplier<DynamoDbService> dynamoDb;
    private final ObjectStore store;
    private final ImportErrorLog errors;
    private final Clock clock;

    ImportRunner(Supplier<DynamoDbService> dynamoDb, ObjectStore store, ImportErrorLog errors, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.store = store;
        this.errors = errors;
        this.clock = clock;
    }

    /** Mutable counts of a running import. */
    private static final class Counts {
        long processedItems;
        long processedBytes;
        long imported;
        long errors;
        long lastReport;
    }

    ImportTableDescription run(ImportJob job, Consumer<ImportTableDescription> progress) throws IOException, InterruptedException {
        ImportTableDescription d = job.description();
        String importId = JobArns.jobId(d.importArn());
        errors.reset(importId);
        CreateTableRequest table = d.tableCreationParameters();
        Map<String, String> keyTypes = keyTypes(table);
        String bucket = d.s3BucketSource().s3Bucket();
        String prefix = d.s3BucketSource().s3KeyPrefix();
        Compression compression = Compression.of(d.inputCompressionType());
        Counts counts = new Counts();
        counts.lastReport = clock.millis();
        RequestContext context = JobContexts.of(job.accountId());
        awaitActive(table.tableName(), context);
        for (ObjectStore.StoredObject object : store.list(bucket, prefix == null ? "" : prefix)) {
            if (object.key().endsWith("/")) continue;
            try (InputStream raw = store.get(bucket, object.key());
                 ItemSource source = open(compression.decompress(raw), d, keyTypes)) {
                List<Line> batch = new ArrayList<>(BATCH);
                for (ItemSource.Entry entry = source.next(); entry != null; entry = source.next()) {
                    if (Thread.interrupted()) throw new InterruptedException();
                    counts.processedItems++;
                    counts.processedBytes += entry.bytes();
                    if (entry.error() != null) {
                        refuse(d, importId, counts, object.key(), entry.line(), entry.error());
                        continue;
                    }
                    String missing = missingKey(entry.item(), table.keySchema());
                    if (missing != null) {
                        refuse(d, importId, counts, object.key(), entry.line(), "the item has no key attribute " + missing);
                        continue;
                    }
                    batch.add(new Line(entry.item(), entry.line()));
                    if (batch.size() == BATCH) {
                        write(table.tableName(), batch, context, d, importId, counts, object.key());
                        batch.clear();
                    }
                    if (clock.millis() - counts.lastReport >= PROGRESS_MILLIS) {
                        counts.lastReport = clock.millis();
                        progress.accept(withCounts(d, counts, "IN_PROGRESS", null));
                    }
                }
                write(table.tableName(), batch, context, d, importId, counts, object.key());
            }
        }
        return withCounts(d, counts, "COMPLETED", clock.instant());
    }

    /** Waits (up to a minute) for the created table to become ACTIVE, as writes need. */
    private void awaitActive(String tableName, RequestContext context) throws InterruptedException {
        long deadline = clock.millis() + 60_000;
        while (clock.millis() < deadline) {
            String status = dynamoDb().describeTable(new DescribeTableRequest(tableName), context).table().definition().tableStatus();
            if ("ACTIVE".equals(status)) return;
            Thread.sleep(100);
        }
    }

    private record Line(Map<String, AttributeValue> item, long number) {
    }

    private ItemSource open(InputStream in, ImportTableDescription d, Map<String, String> keyTypes) throws IOException {
        return switch (d.inputFormat()) {
            case "ION" -> ItemSource.lines(in, IonItemParser::parseItemLine);
            case "CSV" -> {
                CsvOptions csv = d.csvOptions();
                char delimiter = csv == null || csv.delimiter() == null || csv.delimiter().isEmpty() ? ',' : csv.delimiter().charAt(0);
                yield ItemSource.csv(in, delimiter, csv == null ? null : csv.headerList(), keyTypes);
            }
            default -> ItemSource.lines(in, DynamoDbJson::parseItemLine);
        };
    }

    /** Writes a batch; when DynamoDB refuses the batch as a whole, item by item, so only the bad lines are refused. */
    private void write(String table, List<Line> batch, RequestContext context, ImportTableDescription d, String importId,
                       Counts counts, String object) throws InterruptedException {
        if (batch.isEmpty()) return;
        List<WriteRequest> requests = new ArrayList<>(batch.size());
        for (Line line : batch) requests.add(new WriteRequest(line.item(), null));
        try {
            Map<String, List<WriteRequest>> pending = Map.of(table, requests);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                BatchWriteItemResponse response = dynamoDb().batchWriteItem(new BatchWriteItemRequest(pending, null, null), context);
                pending = response.unprocessedItems() == null ? Map.of() : response.unprocessedItems();
                if (!pending.isEmpty()) Thread.sleep(Math.min(1000, 20L << Math.min(attempt, 5)));
            }
            counts.imported += batch.size();
        } catch (DynamoException e) {
            if (e.type() != ErrorType.VALIDATION) throw e;
            for (Line line : batch) {
                try {
                    dynamoDb().putItem(new PutItemRequest(table, line.item(), null, null, null, null, null, null, null, null, null), context);
                    counts.imported++;
                } catch (DynamoException refused) {
                    if (refused.type() != ErrorType.VALIDATION) throw refused;
                    refuse(d, importId, counts, object, line.number(), refused.getMessage());
                }
            }
        }
    }

    private void refuse(ImportTableDescription d, String importId, Counts counts, String object, long line, String reason) {
        counts.errors++;
        errors.refused(d.importArn(), importId, counts.errors, object, line, reason);
    }

    private DynamoDbService dynamoDb() {
        DynamoDbService service = dynamoDb.get();
        if (service == null) throw DynamoException.unavailable("the DynamoDB service is not available");
        return service;
    }

    /** The key attributes of the table and its indexes with their types (for CSV, whose other columns are strings). */
    static Map<String, String> keyTypes(CreateTableRequest table) {
        Map<String, String> defined = new HashMap<>();
        for (AttributeDefinition definition : table.attributeDefinitions()) defined.put(definition.attributeName(), definition.attributeType());
        Map<String, String> keys = new HashMap<>();
        for (KeySchemaElement key : table.keySchema()) keys.put(key.attributeName(), defined.getOrDefault(key.attributeName(), "S"));
        if (table.globalSecondaryIndexes() != null) {
            for (SecondaryIndexRequest index : table.globalSecondaryIndexes()) {
                for (KeySchemaElement key : index.keySchema()) keys.put(key.attributeName(), defined.getOrDefault(key.attributeName(), "S"));
            }
        }
        return keys;
    }

    private static String missingKey(Map<String, AttributeValue> item, List<KeySchemaElement> keySchema) {
        for (KeySchemaElement key : keySchema) {
            if (!item.containsKey(key.attributeName())) return key.attributeName();
        }
        return null;
    }

    static ImportTableDescription withCounts(ImportTableDescription d, Counts counts, String status, java.time.Instant end) {
        return new ImportTableDescription(d.importArn(), status, d.tableArn(), d.tableId(), d.clientToken(), d.s3BucketSource(),
                counts.errors, d.cloudWatchLogGroupArn(), d.inputFormat(), d.csvOptions(), d.inputCompressionType(),
                d.tableCreationParameters(), d.startTime(), end, counts.processedBytes, counts.processedItems, counts.imported,
                null, null);
    }
}
