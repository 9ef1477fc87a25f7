package io.modyn.protocol.http;

import io.modyn.api.model.DynamoException;
import io.modyn.protocol.json.ErrorWriter;
import io.modyn.protocol.json.Utf8JsonGenerator;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Sends complete response bodies with the headers the AWS SDKs check.
 *
 * <p>Bodies larger than {@link #COMPRESSION_THRESHOLD_BYTES} are gzip-compressed when the client
 * accepts gzip, as DynamoDB compresses its larger responses; below that the header bytes would
 * outweigh the saving. {@code x-amz-crc32} is the CRC32 of the bytes on the wire, that is of the
 * compressed bytes when compressed: the AWS SDK for Java v2 validates DynamoDB's checksum before
 * decompressing ({@code calculateCrc32FromCompressedData} in its DynamoDB customization), and
 * botocore reads the body without decoding it before checking.
 */
final class ResponseSender {

    static final int COMPRESSION_THRESHOLD_BYTES = 1024;
    static final HttpString CRC32_HEADER = new HttpString("x-amz-crc32");
    /** DynamoDB's front end answers {@code Server: Server}, naming no product or version. */
    static final String SERVER_NAME = "Server";

    private static final byte[] UNKNOWN_OPERATION_PAGE = "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8);

    void send(HttpServerExchange exchange, int status, String contentType, ResponseBuffer body) {
        ResponseBuffer wire = body;
        HeaderMap headers = exchange.getResponseHeaders();
        if (body.size() > COMPRESSION_THRESHOLD_BYTES
                && AcceptEncoding.allowsGzip(exchange.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING))) {
            wire = gzip(body);
            headers.put(Headers.CONTENT_ENCODING, "gzip");
        }
        exchange.setStatusCode(status);
        if (contentType != null) {
            headers.put(Headers.CONTENT_TYPE, contentType);
        }
        headers.put(CRC32_HEADER, Long.toString(wire.crc32()));
        headers.put(Headers.SERVER, SERVER_NAME);
        exchange.getResponseSender().send(wire.asByteBuffer());
    }

    /** The JSON error envelope with the error type's HTTP status. */
    void sendError(HttpServerExchange exchange, String contentType, DynamoException error) {
        Utf8JsonGenerator out = new Utf8JsonGenerator();
        ErrorWriter.write(out, error);
        send(exchange, error.type().httpStatus(), contentType, ResponseBuffer.of(out));
    }

    /**
     * What DynamoDB answers for anything that is not an API call (another method, or a body that
     * is not JSON): 404 with a bare XML element.
     */
    void sendUnknownOperationPage(HttpServerExchange exchange) {
        send(exchange, 404, null, new ResponseBuffer(UNKNOWN_OPERATION_PAGE));
    }

    private static ResponseBuffer gzip(ResponseBuffer body) {
        ResponseBuffer compressed = new ResponseBuffer();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory compression failed", e);
        }
        return compressed;
    }
}
