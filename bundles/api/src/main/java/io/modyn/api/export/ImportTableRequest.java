package io.modyn.api.export;

import io.modyn.api.dynamodb.CreateTableRequest;

/**
 * ImportTable's members; absent members are null.
 *
 * @param inputFormat DYNAMODB_JSON, ION or CSV
 * @param csvOptions InputFormatOptions.Csv, for CSV only
 * @param inputCompressionType GZIP, ZSTD or NONE (the default)
 * @param tableCreationParameters the table to create (TableCreationParameters: name, key schema,
 *        attribute definitions, billing mode, throughput, GSIs, SSE)
 */
public record ImportTableRequest(
        String clientToken,
        S3BucketSource s3BucketSource,
        String inputFormat,
        CsvOptions csvOptions,
        String inputCompressionType,
        CreateTableRequest tableCreationParameters) {
}
