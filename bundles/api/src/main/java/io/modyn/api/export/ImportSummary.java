package io.modyn.api.export;

import java.time.Instant;

/** One import as ListImports lists it. */
public record ImportSummary(
        String importArn,
        String importStatus,
        String tableArn,
        S3BucketSource s3BucketSource,
        String cloudWatchLogGroupArn,
        String inputFormat,
        Instant startTime,
        Instant endTime) {
}
