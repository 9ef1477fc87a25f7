package io.modyn.benchmarks;

import java.nio.charset.StandardCharsets;

/** The HTTP envelope of a DynamoDB JSON 1.0 call, as the SDKs send it. */
final class HttpRequests {

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64);

    private HttpRequests() {
    }

    static byte[] head(String host, String operation, int contentLength) {
        return ("POST / HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\n"
                + "X-Amz-Date: 20260101T000000Z\r\n"
                + "Authorization: " + AUTHORIZATION + "\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A whole request whose body is built per call (Scan pages, table administration). */
    static byte[] request(String host, String operation, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = head(host, operation, body.length);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
