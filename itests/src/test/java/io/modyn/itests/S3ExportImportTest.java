package io.modyn.itests;

import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ExportImportContract} against a real S3-compatible server: S3Proxy (filesystem backend)
 * started here on a free loopback port, the server given {@code --s3-endpoint} and the key pair in
 * MODYN_S3_ACCESS_KEY_ID / MODYN_S3_SECRET_ACCESS_KEY. Objects are put and read with the SDK's S3 client.
 */
class S3ExportImportTest extends ExportImportContract {

    private S3ProxyServer s3Server;
    private S3Client s3;

    @Override
    protected ModynServer startServer() throws Exception {
        Path directory = Files.createTempDirectory("modyn-s3proxy-");
        s3Server = S3ProxyServer.start(directory);
        s3 = S3Client.builder().endpointOverride(s3Server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY_ID,
                        S3ProxyServer.SECRET_ACCESS_KEY)))
                .httpClient(ApacheHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .build();
        return ModynServer.startWithEnvironment("export-import-s3", List.of("--s3-endpoint", s3Server.endpoint().toString()),
                Map.of("MODYN_S3_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID, "MODYN_S3_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY));
    }

    @Override
    protected void stopStore() throws Exception {
        if (s3 != null) s3.close();
        if (s3Server != null) s3Server.close();
    }

    @Override
    protected void createBucket(String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // already there
        }
    }

    @Override
    protected void putObject(String bucket, String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    @Override
    protected byte[] getObject(String bucket, String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    @Override
    protected List<String> listKeys(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).sorted().toList();
    }
}
