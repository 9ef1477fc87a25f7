package io.modyn.api.export;

import io.modyn.api.dynamodb.CreateTableRequest;
import java.time.Instant;

/**
 * An import as DescribeImport shows it. The counts grow while it runs: {@code processedItemCount}
 * lines read, {@code importedItemCount} items written, {@code errorCount} lines refused (each
 * logged to {@code cloudWatchLogGroupArn}'s log).
 *
 * @param importStatus IN_PROGRESS, COMPLETED, FAILED (CANCELLING and CANCELLED are never reached here)
 */
public record ImportTableDescription(
        String importArn,
        String importStatus,
        String tableArn,
        String tableId,
        String clientToken,
        S3BucketSource s3BucketSource,
        long errorCount,
        String cloudWatchLogGroupArn,
        String inputFormat,
        CsvOptions csvOptions,
        String inputCompressionType,
        CreateTableRequest tableCreationParameters,
        Instant startTime,
        Instant endTime,
        long processedSizeBytes,
        long processedItemCount,
        long importedItemCount,
        String failureCode,
        String failureMessage) {
}
