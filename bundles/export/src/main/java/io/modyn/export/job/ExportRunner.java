package io.modyn.export.job;

import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.export.ExportDescription;
import io.modyn.api.model.AttributeValue;
import io.modyn.export.format.DynamoDbJson;
import io.modyn.export.format.IonText;
import io.modyn.export.store.ObjectStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one export as DynamoDB lays it out in S3, under {@code [<S3Prefix>/]AWSDynamoDB/<exportId>/}:
 * {@code _started} first, then {@code data/<name>.json.gz} (or {@code .ion.gz}) files of gzip'd
 * item lines, {@code manifest-files.json} (one line per data file: item count, MD5, ETag, key),
 * {@code manifest-summary.json} and the two {@code .md5} files. The table is read by a segmented
 * scan, one data file per segment (rolled over every {@value #ITEMS_PER_FILE} items). File names are
 * derived from the export id, so an export run again after a restart overwrites its own files.
 *
 * <p>The items are those the scan sees while it runs, not a snapshot at ExportTime: the engine has
 * no consistent snapshot or point-in-time history yet (see {@code ExportOperations}).
 */
public final class ExportRunner {

    static final int SEGMENTS = 4;
    static final int ITEMS_PER_FILE = 250_000;
    private static final long PROGRESS_MILLIS = 1000;

    private final Supplier<DynamoDbService> dynamoDb;
    private final ObjectStore store;
    private final Path scratch;
    private final Clock clock;

    ExportRunner(Supplier<DynamoDbService> dynamoDb, ObjectStore store, Path scratch, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.store = store;
        this.scratch = scratch;
        this.clock = clock;
    }

    /** A data file written: its key, item count and MD5. */
    private record DataFile(String key, long itemCount, byte[] md5) {
    }

    /**
     * Runs the export to its end; {@code progress} is told the description as counts grow.
     *
     * @return the COMPLETED description
     */
    ExportDescription run(ExportJob job, Consumer<ExportDescription> progress) throws IOException, InterruptedException {
        ExportDescription d = job.description();
        String exportId = JobArns.jobId(d.exportArn());
        String base = exportBase(d.s3Prefix(), exportId);
        String bucket = d.s3Bucket();
        boolean ion = "ION".equals(d.exportFormat());
        store.put(bucket, base + "_started", new byte[0]);
        String tableName = JobArns.tableName(d.tableArn());
        Files.createDirectories(scratch);
        List<DataFile> files = new ArrayList<>();
        long[] counts = {0, 0};
        long[] lastReport = {clock.millis()};
        for (int segment = 0; segment < SEGMENTS; segment++) {
            int sequence = 0;
            Map<String, AttributeValue> start = null;
            DataFileWriter writer = null;
            do {
                if (Thread.interrupted()) throw new InterruptedException();
                ScanResponse page = dynamoDb().scan(new ScanRequest(tableName, null, null, 1000, null, null, null, start, null,
                        SEGMENTS, segment, null, null, null, null, Boolean.TRUE), JobContexts.of(job.accountId()));
                for (Map<String, AttributeValue> item : page.items()) {
                    if (writer == null) writer = new DataFileWriter(base + "data/" + fileName(exportId, segment, sequence++) + (ion ? ".ion.gz" : ".json.gz"), ion);
                    writer.write(item);
                    counts[0]++;
                    counts[1] += ItemSizes.of(item);
                    if (writer.items >= ITEMS_PER_FILE) {
                        files.add(writer.finish(bucket));
                        writer = null;
                    }
                }
                start = page.lastEvaluatedKey();
                if (clock.millis() - lastReport[0] >= PROGRESS_MILLIS) {
                    lastReport[0] = clock.millis();
                    progress.accept(withCounts(d, counts[0], counts[1]));
                }
            } while (start != null && !start.isEmpty());
            if (writer != null) files.add(writer.finish(bucket));
        }
        String filesKey = base + "manifest-files.json";
        StringBuilder manifestFiles = new StringBuilder();
        for (DataFile file : files) {
            manifestFiles.append(DynamoDbJson.object().add("itemCount", file.itemCount())
                    .add("md5Checksum", Base64.getEncoder().encodeToString(file.md5()))
                    .add("etag", HexFormat.of().formatHex(file.md5()))
                    .add("dataFileS3Key", file.key()).build()).append('\n');
        }
        byte[] filesBytes = manifestFiles.toString().getBytes(StandardCharsets.UTF_8);
        store.put(bucket, filesKey, filesBytes);
        store.put(bucket, base + "manifest-files.md5", md5Text(filesBytes));
        ExportDescription done = new ExportDescription(d.exportArn(), "COMPLETED", d.startTime(), clock.instant(),
                base + "manifest-summary.json", d.tableArn(), d.tableId(), d.exportTime(), d.clientToken(), d.s3Bucket(),
                d.s3BucketOwner(), d.s3Prefix(), d.s3SseAlgorithm(), d.s3SseKmsKeyId(), null, null, d.exportFormat(), counts[1],
                counts[0], d.exportType(), d.incrementalExportSpecification());
        byte[] summary = ManifestSummary.of(done, filesKey).getBytes(StandardCharsets.UTF_8);
        store.put(bucket, base + "manifest-summary.json", summary);
        store.put(bucket, base + "manifest-summary.md5", md5Text(summary));
        return done;
    }

    /** {@code <prefix>/AWSDynamoDB/<exportId>/}, or without the prefix when there is none. */
    public static String exportBase(String prefix, String exportId) {
        String trimmed = prefix == null ? "" : prefix.replaceAll("/+$", "");
        return (trimmed.isEmpty() ? "" : trimmed + "/") + "AWSDynamoDB/" + exportId + "/";
    }

    static ExportDescription withCounts(ExportDescription d, long items, long bytes) {
        return new ExportDescription(d.exportArn(), d.exportStatus(), d.startTime(), d.endTime(), d.exportManifest(), d.tableArn(),
                d.tableId(), d.exportTime(), d.clientToken(), d.s3Bucket(), d.s3BucketOwner(), d.s3Prefix(), d.s3SseAlgorithm(),
                d.s3SseKmsKeyId(), d.failureCode(), d.failureMessage(), d.exportFormat(), bytes, items, d.exportType(),
                d.incrementalExportSpecification());
    }

    /** A 26-character name like DynamoDB's, the same each time for one export, segment and sequence. */
    static String fileName(String exportId, int segment, int sequence) {
        UUID uuid = UUID.nameUUIDFromBytes((exportId + "/" + segment + "/" + sequence).getBytes(StandardCharsets.UTF_8));
        String text = Long.toString(uuid.getMostSignificantBits() & Long.MAX_VALUE, 36)
                + Long.toString(uuid.getLeastSignificantBits() & Long.MAX_VALUE, 36);
        return (text + "aaaaaaaaaaaaaaaaaaaaaaaaaa").substring(0, 26);
    }

    private DynamoDbService dynamoDb() {
        DynamoDbService service = dynamoDb.get();
        if (service == null) throw new IllegalStateException("the DynamoDB service is not available");
        return service;
    }

    private static byte[] md5Text(byte[] bytes) {
        return Base64.getEncoder().encodeToString(md5().digest(bytes)).getBytes(StandardCharsets.US_ASCII);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One gzip'd data file, written to scratch space, then stored whole. */
    private final class DataFileWriter {
        private final String key;
        private final boolean ion;
        private final Path file;
        private final MessageDigest digest = md5();
        private final BufferedWriter out;
        private long items;

        DataFileWriter(String key, boolean ion) throws IOException {
            this.key = key;
            this.ion = ion;
            this.file = Files.createTempFile(scratch, "export-", ".gz");
            OutputStream raw = new DigestOutputStream(Files.newOutputStream(file), digest);
            this.out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(raw, 64 * 1024), StandardCharsets.UTF_8), 64 * 1024);
            if (ion) out.write(IonText.VERSION_MARKER + " ");
        }

        void write(Map<String, AttributeValue> item) throws IOException {
            out.write(ion ? IonText.itemLine(item) : DynamoDbJson.itemLine(item));
            out.write('\n');
            items++;
        }

        DataFile finish(String bucket) throws IOException {
            out.close();
            try {
                store.put(bucket, key, file);
            } finally {
                Files.deleteIfExists(file);
            }
            return new DataFile(key, items, digest.digest());
        }
    }
}
