package io.modyn.api.export;

import java.time.Instant;

/**
 * An export as DescribeExport shows it. {@code itemCount} and {@code billedSizeBytes} grow while
 * the export runs (ProcessedItemCount-style progress) and are final once it is COMPLETED.
 *
 * @param exportStatus IN_PROGRESS, COMPLETED or FAILED
 * @param exportManifest the S3 key of manifest-summary.json
 */
public record ExportDescription(
        String exportArn,
        String exportStatus,
        Instant startTime,
        Instant endTime,
        String exportManifest,
        String tableArn,
        String tableId,
        Instant exportTime,
        String clientToken,
        String s3Bucket,
        String s3BucketOwner,
        String s3Prefix,
        String s3SseAlgorithm,
        String s3SseKmsKeyId,
        String failureCode,
        String failureMessage,
        String exportFormat,
        long billedSizeBytes,
        long itemCount,
        String exportType,
        IncrementalExportSpecification incrementalExportSpecification) {
}
