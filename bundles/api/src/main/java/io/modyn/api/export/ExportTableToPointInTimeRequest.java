package io.modyn.api.export;

import java.time.Instant;

/**
 * ExportTableToPointInTime's members; absent members are null.
 *
 * @param exportTime the point in time to export; null for now
 * @param exportFormat DYNAMODB_JSON (the default) or ION
 * @param exportType FULL_EXPORT (the default) or INCREMENTAL_EXPORT
 */
public record ExportTableToPointInTimeRequest(
        String tableArn,
        Instant exportTime,
        String clientToken,
        String s3Bucket,
        String s3BucketOwner,
        String s3Prefix,
        String s3SseAlgorithm,
        String s3SseKmsKeyId,
        String exportFormat,
        String exportType,
        IncrementalExportSpecification incrementalExportSpecification) {
}
