package io.modyn.export.job;

import io.modyn.api.export.ExportDescription;
import jakarta.json.JsonObjectBuilder;
import io.modyn.export.format.DynamoDbJson;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * {@code manifest-summary.json} as DynamoDB writes it (manifest version 2020-06-30): the export's
 * identity, times in ISO-8601, where it went, the key of {@code manifest-files.json}, and the
 * item count and billed size.
 */
final class ManifestSummary {

    static final String VERSION = "2020-06-30";

    private ManifestSummary() {
    }

    static String of(ExportDescription d, String manifestFilesKey) {
        JsonObjectBuilder out = DynamoDbJson.object()
                .add("version", VERSION)
                .add("exportArn", d.exportArn())
                .add("startTime", iso(d.startTime()))
                .add("endTime", iso(d.endTime()))
                .add("tableArn", d.tableArn());
        text(out, "tableId", d.tableId());
        out.add("exportTime", iso(d.exportTime()))
                .add("s3Bucket", d.s3Bucket());
        text(out, "s3Prefix", d.s3Prefix());
        text(out, "s3SseAlgorithm", d.s3SseAlgorithm() == null ? "AES256" : d.s3SseAlgorithm());
        text(out, "s3SseKmsKeyId", d.s3SseKmsKeyId());
        return out.add("manifestFilesS3Key", manifestFilesKey)
                .add("billedSizeBytes", d.billedSizeBytes())
                .add("itemCount", d.itemCount())
                .add("outputFormat", d.exportFormat())
                .add("exportType", d.exportType())
                .build().toString();
    }

    private static void text(JsonObjectBuilder out, String name, String value) {
        if (value == null) out.addNull(name);
        else out.add(name, value);
    }

    private static String iso(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
