package io.modyn.export.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3-compatible endpoint (AWS S3, MinIO, S3Proxy ...) through the AWS SDK for Java v2's S3
 * client, embedded in this bundle with the URL-connection HTTP client (the JDK's, no Netty or
 * Apache client to carry). Path-style addressing by default, as most S3-compatible servers need.
 * Credentials are given by the component (from the environment); none means anonymous requests.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

    private final S3Client s3;
    private final URI endpoint;

    public S3ObjectStore(URI endpoint, String region, boolean pathStyle, String accessKeyId, String secretAccessKey, String sessionToken) {
        AwsCredentialsProvider credentials = accessKeyId == null || accessKeyId.isEmpty()
                ? AnonymousCredentialsProvider.create()
                : StaticCredentialsProvider.create(sessionToken == null || sessionToken.isEmpty()
                        ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                        : software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
        this.endpoint = endpoint;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // The SDK finds its interceptor lists and service files through the context class loader
        // first: inside OSGi that must be this bundle's, where the SDK's classes and resources are.
        Thread.currentThread().setContextClassLoader(S3ObjectStore.class.getClassLoader());
        try {
            this.s3 = build(endpoint, region, pathStyle, credentials);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static S3Client build(URI endpoint, String region, boolean pathStyle, AwsCredentialsProvider credentials) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                // S3-compatible servers (S3Proxy, older MinIO) refuse the SDK's default trailing
                // checksums and aws-chunked uploads: send whole, signed payloads and checksum only
                // where S3 requires it, which AWS S3 accepts as well.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .build();
    }

    @Override
    public void put(String bucket, String key, byte[] bytes) throws IOException {
        call(() -> s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromBytes(bytes)));
    }

    @Override
    public void put(String bucket, String key, Path file) throws IOException {
        call(() -> s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromFile(file)));
    }

    @Override
    public InputStream get(String bucket, String key) throws IOException {
        return call(() -> s3.getObject(builder -> builder.bucket(bucket).key(key)));
    }

    @Override
    public List<StoredObject> list(String bucket, String prefix) throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = call(() -> s3.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket)
                    .prefix(prefix == null || prefix.isEmpty() ? null : prefix).continuationToken(continuation).build()));
            for (S3Object object : page.contents()) objects.add(new StoredObject(object.key(), object.size()));
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return objects;
    }

    @Override
    public String describe() {
        return "S3 endpoint " + endpoint;
    }

    @Override
    public void close() {
        s3.close();
    }

    private interface S3Call<T> {
        T run();
    }

    private static <T> T call(S3Call<T> call) throws IOException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(S3ObjectStore.class.getClassLoader());
        try {
            return call.run();
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new ObjectStoreException(code == null ? "S3Error" : code, e.getMessage(), e);
        } catch (SdkException e) {
            throw new ObjectStoreException("S3ClientError", e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
