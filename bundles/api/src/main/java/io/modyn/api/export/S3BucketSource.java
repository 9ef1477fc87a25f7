package io.modyn.api.export;

/** Where ImportTable reads: every object of the bucket whose key starts with the prefix (null: all). */
public record S3BucketSource(String s3Bucket, String s3BucketOwner, String s3KeyPrefix) {
}
