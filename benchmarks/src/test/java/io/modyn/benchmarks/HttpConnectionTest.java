package io.modyn.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    /** Answers each request on one connection with the next canned response. */
    private static ServerSocket serve(List<String> responses) throws IOException {
        ServerSocket server = new ServerSocket(0);
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                for (String response : responses) {
                    readRequest(in);
                    out.write(response.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                // test ends
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) head.write(in.read());
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Content-Length: ");
        int length = Integer.parseInt(text.substring(at + 16, text.indexOf("\r\n", at)));
        in.readNBytes(length);
    }

    @Test
    void readsContentLengthAndChunkedAnswersOnOneKeptAliveConnection() throws IOException {
        try (ServerSocket server = serve(List.of(
                "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 11\r\n\r\n{\"Item\":{}}",
                "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\n{\"a\":\r\n3\r\n\"b\"\r\n1\r\n}\r\n0\r\n\r\n",
                "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}"));
                HttpConnection connection = new HttpConnection(new InetSocketAddress("127.0.0.1", server.getLocalPort()))) {
            byte[] request = HttpRequests.request("h:1", "GetItem", "{}");
            assertEquals(200, connection.exchange(request, request.length));
            assertEquals("{\"Item\":{}}", connection.bodyText());
            assertEquals(400, connection.exchange(request, request.length));
            assertEquals("{\"a\":\"b\"}", connection.bodyText());
            assertEquals(200, connection.exchange(request, request.length));
            assertEquals("{}", connection.bodyText());
        }
    }
}
