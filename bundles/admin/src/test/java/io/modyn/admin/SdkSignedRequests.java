package io.modyn.admin;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Admin requests signed by the AWS SDK for Java v2's own SigV4 signer, written out as the request
 * head {@link RawHttp} sends: an independent signer for the endpoint's authenticator to agree with.
 */
final class SdkSignedRequests {

    private SdkSignedRequests() {
    }

    /**
     * @param pathAndQuery e.g. {@code /bundles/4/start?format=json}
     * @param headers sent and signed besides Host and the signature's own (e.g. the admin token)
     */
    static String head(String method, int port, String pathAndQuery, String service, String accessKeyId, String secret,
                       Map<String, String> headers) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        headers.forEach(unsigned::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(request -> request
                .identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        SdkHttpRequest request = signed.request();
        String query = request.encodedQueryParameters().map(q -> "?" + q).orElse("");
        StringBuilder head = new StringBuilder(method + " " + request.encodedPath() + query + " HTTP/1.1\r\n");
        if (request.firstMatchingHeader("Host").isEmpty()) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        head.append(request.headers().entrySet().stream()
                .flatMap(header -> header.getValue().stream().map(value -> header.getKey() + ": " + value + "\r\n"))
                .collect(Collectors.joining()));
        return head.toString();
    }
}
