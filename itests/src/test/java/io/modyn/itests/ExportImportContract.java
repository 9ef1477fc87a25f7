package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.ConcurrentWorkers;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CsvOptions;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ExportTableToPointInTime and ImportTable through the SDK, on either object store (a subclass
 * starts the server and says how objects are put and read): a 100,000-item table with every attribute type is
 * exported (with a server restart while the export runs) and imported again (with a crash while
 * the import runs), item for item equal; the ION format; CSV with a header list and a delimiter,
 * ZSTD-compressed; bad lines counted and logged; progress in DescribeExport/DescribeImport; the
 * AWS CLI's export-table-to-point-in-time; DynamoDB's errors for the cases it refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExportImportContract {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    private static final int ITEMS = 100_000;

    protected ModynServer server;
    private DynamoDbClient dynamo;
    /** The largest count a running job's description showed while it was awaited. */
    private volatile long progressSeen;

    /** Starts the server this store needs. */
    protected abstract ModynServer startServer() throws Exception;

    /** Makes a bucket exist. */
    protected abstract void createBucket(String bucket) throws Exception;

    protected abstract void putObject(String bucket, String key, byte[] content) throws Exception;

    /** The object's content, or null when there is none. */
    protected abstract byte[] getObject(String bucket, String key) throws Exception;

    /** The keys under a prefix. */
    protected abstract List<String> listKeys(String bucket, String prefix) throws Exception;

    /** Stops what {@link #startServer} started besides the server. */
    protected void stopStore() throws Exception {
    }

    @BeforeAll
    void start() throws Exception {
        server = startServer();
        dynamo = DynamoDbClients.create(server);
        awaitExportService();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) server.close();
        stopStore();
    }

    /** Writing, exporting, importing and comparing 100,000 items takes a few minutes on a loaded machine. */
    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void aHundredThousandItemsSurviveExportAndImportThroughRestarts() throws Exception {
        createTable("big");
        Map<String, Map<String, AttributeValue>> written = writeItems("big", ITEMS);
        createBucket("exports");
        String tableArn = dynamo.describeTable(b -> b.tableName("big")).table().tableArn();

        ExportDescription started = dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("exports")
                .s3Prefix("nightly").clientToken("big-export-1")).exportDescription();
        assertEquals(ExportStatus.IN_PROGRESS, started.exportStatus());
        assertEquals(ExportFormat.DYNAMODB_JSON, started.exportFormat());
        assertEquals(ExportType.FULL_EXPORT, started.exportType());
        assertTrue(started.exportArn().startsWith(tableArn + "/export/"), started.exportArn());
        // The same client token and parameters: the same export.
        assertEquals(started.exportArn(), dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("exports")
                .s3Prefix("nightly").clientToken("big-export-1")).exportDescription().exportArn());

        Instant restartedAt = Instant.now();
        server.stop();
        server.restart();
        awaitExportService();
        ExportDescription export = awaitExport(started.exportArn());
        assertEquals(ExportStatus.COMPLETED, export.exportStatus(), export.failureMessage());
        assertEquals(ITEMS, export.itemCount());
        assertTrue(export.billedSizeBytes() > 0);
        if (export.endTime().isAfter(restartedAt)) {
            assertTrue(Files.readString(server.log()).contains("was running at the last stop"), "the export ran again after the restart");
        }
        String exportId = started.exportArn().substring(started.exportArn().lastIndexOf('/') + 1);
        String exportDir = "nightly/AWSDynamoDB/" + exportId + "/";
        assertEquals(exportDir + "manifest-summary.json", export.exportManifest());
        JsonObject summary = json(getObject("exports", exportDir + "manifest-summary.json"));
        assertEquals(ITEMS, summary.getJsonNumber("itemCount").longValue());
        assertEquals("2020-06-30", summary.getString("version"));
        assertEquals("DYNAMODB_JSON", summary.getString("outputFormat"));
        assertEquals(started.exportArn(), summary.getString("exportArn"));
        assertNotNull(getObject("exports", exportDir + "_started"));
        assertNotNull(getObject("exports", exportDir + "manifest-summary.md5"));
        assertNotNull(getObject("exports", exportDir + "manifest-files.md5"));
        String manifestFiles = new String(getObject("exports", exportDir + "manifest-files.json"), StandardCharsets.UTF_8);
        for (String line : manifestFiles.split("\n")) {
            assertNotNull(getObject("exports", json(line.getBytes(StandardCharsets.UTF_8)).getString("dataFileS3Key")), line);
        }
        long listed = manifestFiles.lines()
                .mapToLong(line -> jakarta.json.Json.createReader(new java.io.StringReader(line)).readObject().getJsonNumber("itemCount").longValue())
                .sum();
        assertEquals(ITEMS, listed);

        ImportTableDescription importStarted = dynamo.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("exports")
                        .s3KeyPrefix("nightly/AWSDynamoDB/" + exportId + "/data/"))
                .inputFormat(InputFormat.DYNAMODB_JSON).inputCompressionType(InputCompressionType.GZIP)
                .tableCreationParameters(parameters("big-copy"))).importTableDescription();
        assertEquals(ImportStatus.IN_PROGRESS, importStarted.importStatus());
        server.kill();
        server.restart();
        awaitExportService();
        progressSeen = 0;
        ImportTableDescription imported = awaitImport(importStarted.importArn());
        assertTrue(progressSeen > 0 && progressSeen < ITEMS, "DescribeImport showed the import's progress: " + progressSeen);
        assertEquals(ImportStatus.COMPLETED, imported.importStatus(), imported.failureMessage());
        assertEquals(ITEMS, imported.importedItemCount());
        assertEquals(ITEMS, imported.processedItemCount());
        assertEquals(0, imported.errorCount());
        assertTrue(imported.processedSizeBytes() > 0);

        Map<String, Map<String, AttributeValue>> copy = scanAll("big-copy");
        assertEquals(written.keySet(), copy.keySet());
        assertEquals(scanAll("big"), copy);
    }

    @Test
    void ionExportImportsBackEqual() throws Exception {
        createTable("ion");
        Map<String, Map<String, AttributeValue>> written = writeItems("ion", 500);
        createBucket("ion-bucket");
        String tableArn = dynamo.describeTable(b -> b.tableName("ion")).table().tableArn();
        ExportDescription export = awaitExport(dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("ion-bucket")
                .exportFormat(ExportFormat.ION)).exportDescription().exportArn());
        assertEquals(ExportStatus.COMPLETED, export.exportStatus(), export.failureMessage());
        String exportId = export.exportArn().substring(export.exportArn().lastIndexOf('/') + 1);
        List<String> dataFiles = listKeys("ion-bucket", "AWSDynamoDB/" + exportId + "/data/");
        assertTrue(!dataFiles.isEmpty() && dataFiles.stream().allMatch(key -> key.endsWith(".ion.gz")), dataFiles.toString());
        ImportTableDescription imported = awaitImport(dynamo.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("ion-bucket")
                        .s3KeyPrefix("AWSDynamoDB/" + exportId + "/data/"))
                .inputFormat(InputFormat.ION).inputCompressionType(InputCompressionType.GZIP)
                .tableCreationParameters(parameters("ion-copy"))).importTableDescription().importArn());
        assertEquals(ImportStatus.COMPLETED, imported.importStatus(), imported.failureMessage());
        Map<String, Map<String, AttributeValue>> copy = scanAll("ion-copy");
        assertEquals(written.keySet(), copy.keySet());
        assertEquals(scanAll("ion"), copy);
    }

    @Test
    void badLinesAreCountedAndLogged() throws Exception {
        createBucket("bad-lines");
        putObject("bad-lines", "input/part-1.json", (String.join("\n",
                "{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"S\":\"ok\"}}}",
                "this is not json",
                "{\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2\"}}}",
                "{\"Item\":{\"pk\":{\"S\":\"c\"}}}",
                "{\"Item\":{\"pk\":{\"N\":\"5\"},\"sk\":{\"N\":\"3\"}}}",
                "{\"Item\":{\"pk\":{\"S\":\"d\"},\"sk\":{\"N\":\"4\"}}}") + "\n").getBytes(StandardCharsets.UTF_8));
        ImportTableDescription imported = awaitImport(dynamo.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("bad-lines").s3KeyPrefix("input/"))
                .inputFormat(InputFormat.DYNAMODB_JSON).tableCreationParameters(parameters("bad-lines-table"))).importTableDescription().importArn());
        assertEquals(ImportStatus.COMPLETED, imported.importStatus());
        assertEquals(6, imported.processedItemCount());
        assertEquals(3, imported.importedItemCount());
        assertEquals(3, imported.errorCount());
        assertNotNull(imported.cloudWatchLogGroupArn());
        assertTrue(imported.cloudWatchLogGroupArn().contains(":log-group:/aws-dynamodb/imports"), imported.cloudWatchLogGroupArn());
        String importId = imported.importArn().substring(imported.importArn().lastIndexOf('/') + 1);
        List<String> logged = Files.readAllLines(server.dataDir().resolve("logs/aws-dynamodb/imports/" + importId + ".log"));
        assertEquals(3, logged.size(), String.join("\n", logged));
        assertTrue(logged.get(0).contains("\"lineNumber\":2"), logged.get(0));
        assertTrue(logged.get(1).contains("\"lineNumber\":4") && logged.get(1).contains("sk"), logged.get(1));
        assertEquals(3, scanAll("bad-lines-table").size());
    }

    @Test
    void csvWithHeaderListAndDelimiterCompressedWithZstd() throws Exception {
        String csv = "p1|1|first|x\np2|2|\"a | b\"|\np3|x|bad key|\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new io.airlift.compress.zstd.ZstdOutputStream(bytes)) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        createBucket("csv-bucket");
        putObject("csv-bucket", "rows.csv.zst", bytes.toByteArray());
        ImportTableDescription imported = awaitImport(dynamo.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("csv-bucket"))
                .inputFormat(InputFormat.CSV).inputCompressionType(InputCompressionType.ZSTD)
                .inputFormatOptions(o -> o.csv(CsvOptions.builder().delimiter("|").headerList("pk", "sk", "text", "other").build()))
                .tableCreationParameters(parameters("csv-table"))).importTableDescription().importArn());
        assertEquals(ImportStatus.COMPLETED, imported.importStatus(), imported.failureMessage());
        assertEquals(2, imported.importedItemCount());
        assertEquals(1, imported.errorCount());
        Map<String, Map<String, AttributeValue>> items = scanAll("csv-table");
        assertEquals(Map.of("pk", s("p2"), "sk", AttributeValue.fromN("2"), "text", s("a | b")), items.get("p2/2"));
        assertEquals(Map.of("pk", s("p1"), "sk", AttributeValue.fromN("1"), "text", s("first"), "other", s("x")), items.get("p1/1"));
    }

    @Test
    void progressIsVisibleAndListsShowTheJobs() throws Exception {
        createTable("listed");
        writeItems("listed", 50);
        createBucket("listed");
        String tableArn = dynamo.describeTable(b -> b.tableName("listed")).table().tableArn();
        String exportArn = dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("listed")).exportDescription().exportArn();
        ExportDescription done = awaitExport(exportArn);
        assertEquals(50, done.itemCount());
        assertTrue(dynamo.listExports(b -> b.tableArn(tableArn)).exportSummaries().stream()
                .anyMatch(summary -> summary.exportArn().equals(exportArn) && summary.exportStatus() == ExportStatus.COMPLETED));
        assertTrue(dynamo.listImports(b -> b.pageSize(25)).importSummaryList().size() <= 25);
    }

    @Test
    void refusesWhatDynamoDbRefuses() {
        createTable("refusals");
        String tableArn = dynamo.describeTable(b -> b.tableName("refusals")).table().tableArn();
        PointInTimeRecoveryUnavailableException incremental = assertThrows(PointInTimeRecoveryUnavailableException.class,
                () -> dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("x").exportType(ExportType.INCREMENTAL_EXPORT)));
        assertTrue(incremental.awsErrorDetails().errorMessage().contains("refusals"), incremental.getMessage());
        DynamoDbException past = assertThrows(DynamoDbException.class, () -> dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn)
                .s3Bucket("x").exportTime(Instant.now().minus(Duration.ofHours(1)))));
        assertEquals("InvalidExportTimeException", past.awsErrorDetails().errorCode());
        DynamoDbException missing = assertThrows(DynamoDbException.class, () -> dynamo.exportTableToPointInTime(b -> b
                .tableArn(tableArn.replace("refusals", "no-such-table")).s3Bucket("x")));
        assertEquals("TableNotFoundException", missing.awsErrorDetails().errorCode());
        DynamoDbException notFound = assertThrows(DynamoDbException.class, () -> dynamo.describeExport(b -> b
                .exportArn(tableArn + "/export/01700000000000-0000abcd")));
        assertEquals("ExportNotFoundException", notFound.awsErrorDetails().errorCode());
        DynamoDbException importNotFound = assertThrows(DynamoDbException.class, () -> dynamo.describeImport(b -> b
                .importArn(tableArn + "/import/01700000000000-0000abcd")));
        assertEquals("ImportNotFoundException", importNotFound.awsErrorDetails().errorCode());
        assertThrows(ResourceInUseException.class, () -> dynamo.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("x"))
                .inputFormat(InputFormat.DYNAMODB_JSON).tableCreationParameters(parameters("refusals"))));
    }

    @Test
    void theAwsCliStartsAnExport() throws Exception {
        AwsCli aws = AwsCli.required(server, "export");
        createTable("cli");
        writeItems("cli", 10);
        createBucket("cli-bucket");
        String tableArn = dynamo.describeTable(b -> b.tableName("cli")).table().tableArn();
        JsonObject answer = aws.run("dynamodb", "export-table-to-point-in-time", "--table-arn", tableArn, "--s3-bucket", "cli-bucket",
                "--export-format", "DYNAMODB_JSON");
        String exportArn = answer.getJsonObject("ExportDescription").getString("ExportArn");
        assertEquals("IN_PROGRESS", answer.getJsonObject("ExportDescription").getString("ExportStatus"));
        assertEquals(10, awaitExport(exportArn).itemCount());
        JsonObject described = aws.run("dynamodb", "describe-export", "--export-arn", exportArn);
        assertEquals("COMPLETED", described.getJsonObject("ExportDescription").getString("ExportStatus"));
    }

    // ------------------------------------------------------------------------------------------

    private void createTable(String name) {
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }

    private TableCreationParameters parameters(String name) {
        return TableCreationParameters.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .build();
    }

    /** Items with every attribute type, written by four threads in batches of 25; keyed "pk/sk". */
    private Map<String, Map<String, AttributeValue>> writeItems(String table, int count) throws InterruptedException {
        Map<String, Map<String, AttributeValue>> written = new ConcurrentHashMap<>();
        int threads = 4;
        List<Throwable> failures = ConcurrentWorkers.run(threads, Duration.ofMinutes(5), worker -> {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = worker; i < count; i += threads) {
                Map<String, AttributeValue> item = item(i);
                written.put(item.get("pk").s() + "/" + item.get("sk").n(), item);
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                if (batch.size() == 25) {
                    write(table, batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) write(table, batch);
        });
        assertEquals(List.of(), failures);
        return written;
    }

    private void write(String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static Map<String, AttributeValue> item(int i) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("user#" + (i % 7919)));
        item.put("sk", AttributeValue.fromN(Integer.toString(i)));
        item.put("text", s("text " + i + " \"quoted\" ünï 😀\n"));
        item.put("number", AttributeValue.fromN(i % 2 == 0 ? "-" + i + ".125" : i + "E+" + (i % 100)));
        item.put("binary", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) i, (byte) (i >> 8), 0, (byte) 0xff})));
        item.put("flag", AttributeValue.fromBool(i % 3 == 0));
        item.put("nothing", AttributeValue.fromNul(true));
        item.put("list", AttributeValue.fromL(List.of(s("a" + i), AttributeValue.fromN(Integer.toString(i)),
                AttributeValue.fromL(List.of(AttributeValue.fromBool(false))))));
        item.put("map", AttributeValue.fromM(Map.of("nested", AttributeValue.fromM(Map.of("deep", s("d" + i))), "n", AttributeValue.fromN("1"))));
        item.put("strings", AttributeValue.fromSs(List.of("s" + i, "t" + i)));
        item.put("numbers", AttributeValue.fromNs(List.of(Integer.toString(i), "0.5")));
        item.put("binaries", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2, (byte) i}))));
        return item;
    }

    private static JsonObject json(byte[] content) {
        assertNotNull(content, "the object exists");
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(new String(content, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** Every item of a table by "pk/sk", read with four scan segments. */
    private Map<String, Map<String, AttributeValue>> scanAll(String table) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        for (int segment = 0; segment < 4; segment++) {
            Map<String, AttributeValue> start = null;
            do {
                int current = segment;
                Map<String, AttributeValue> from = start;
                ScanResponse page = dynamo.scan(ScanRequest.builder().tableName(table).segment(current).totalSegments(4)
                        .exclusiveStartKey(from).build());
                page.items().forEach(item -> items.put(item.get("pk").s() + "/" + item.get("sk").n(), item));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return items;
    }

    /**
     * Waits, after a restart, until the export operations are served: the server answers as soon as
     * storage and engine are up, and the export bundle's service follows a moment later (until then
     * its operations are unknown, as on a server without the bundle).
     */
    private void awaitExportService() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                dynamo.listExports(b -> b.maxResults(1));
                return;
            } catch (DynamoDbException e) {
                if (!"UnknownOperationException".equals(e.awsErrorDetails().errorCode()) || Instant.now().isAfter(deadline)) throw e;
                Thread.sleep(100);
            }
        }
    }

    private ExportDescription awaitExport(String exportArn) throws InterruptedException {
        Instant deadline = Instant.now().plus(JOB_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            ExportDescription d = dynamo.describeExport(b -> b.exportArn(exportArn)).exportDescription();
            if (d.exportStatus() != ExportStatus.IN_PROGRESS) return d;
            progressSeen = Math.max(progressSeen, d.itemCount());
            Thread.sleep(200);
        }
        throw new AssertionError("export " + exportArn + " still running after " + JOB_TIMEOUT);
    }

    private ImportTableDescription awaitImport(String importArn) throws InterruptedException {
        Instant deadline = Instant.now().plus(JOB_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            ImportTableDescription d = dynamo.describeImport(b -> b.importArn(importArn)).importTableDescription();
            if (d.importStatus() != ImportStatus.IN_PROGRESS) return d;
            progressSeen = Math.max(progressSeen, d.importedItemCount());
            Thread.sleep(200);
        }
        throw new AssertionError("import " + importArn + " still running after " + JOB_TIMEOUT);
    }
}
