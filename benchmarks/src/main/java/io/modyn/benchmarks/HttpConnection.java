package io.modyn.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of a load client: writes a request that is already bytes and
 * reads the answer (Content-Length or chunked) into a buffer it reuses, so that a request costs the
 * client two or three system calls and no objects. The load generator's own CPU then stays small
 * beside the server's, which the SDK client could not promise (issue 15).
 */
final class HttpConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[8192];
    /** Bytes read from the socket and not yet parsed: our own buffer, as BufferedInputStream locks on every read(). */
    private final byte[] input = new byte[64 * 1024];
    private int inputPosition;
    private int inputLimit;
    private byte[] body = new byte[64 * 1024];
    private int bodyLength;

    HttpConnection(InetSocketAddress address) {
        this.address = address;
    }

    /** Sends {@code request} (a whole HTTP request) and returns the response's status; the body is in {@link #body()}. */
    int exchange(byte[] request, int length) throws IOException {
        if (socket == null) open();
        try {
            out.write(request, 0, length);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    String bodyText() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5000);
        in = socket.getInputStream();
        inputPosition = 0;
        inputLimit = 0;
        out = socket.getOutputStream();
    }

    private int readResponse() throws IOException {
        int n = readLine();
        // "HTTP/1.1 200 OK"
        if (n < 12) throw new IOException("bad status line: " + new String(line, 0, n, StandardCharsets.ISO_8859_1));
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        while ((n = readLine()) > 0) {
            if (startsWithIgnoreCase(n, "content-length:")) {
                contentLength = parseNumber(n, "content-length:".length(), 10);
            } else if (startsWithIgnoreCase(n, "transfer-encoding:")) {
                chunked = true;
            } else if (startsWithIgnoreCase(n, "connection:") && containsIgnoreCase(n, "close")) {
                closeAfter = true;
            }
        }
        bodyLength = 0;
        if (chunked) {
            long size;
            while ((size = parseNumber(readLine(), 0, 16)) > 0) {
                readBody((int) size);
                readLine();
            }
            while (readLine() > 0) {
                // trailers
            }
        } else if (contentLength > 0) {
            readBody((int) contentLength);
        }
        if (closeAfter) close();
        return status;
    }

    private void readBody(int size) throws IOException {
        if (bodyLength + size > body.length) body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + size));
        int buffered = Math.min(size, inputLimit - inputPosition);
        System.arraycopy(input, inputPosition, body, bodyLength, buffered);
        inputPosition += buffered;
        int read = buffered + in.readNBytes(body, bodyLength + buffered, size - buffered);
        if (read < size) throw new EOFException("connection closed in a response body");
        bodyLength += size;
    }

    /** Reads one line without its CRLF into {@link #line}; returns its length. */
    private int readLine() throws IOException {
        int n = 0;
        while (true) {
            if (inputPosition == inputLimit) fill();
            byte b = input[inputPosition++];
            if (b == '\n') return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
            if (n < line.length) line[n++] = b;
        }
    }

    private void fill() throws IOException {
        int read = in.read(input, 0, input.length);
        if (read < 0) throw new EOFException("connection closed by the server");
        inputPosition = 0;
        inputLimit = read;
    }

    private boolean startsWithIgnoreCase(int length, String prefix) {
        if (length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(line[i]) != prefix.charAt(i)) return false;
        }
        return true;
    }

    private boolean containsIgnoreCase(int length, String word) {
        return new String(line, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains(word);
    }

    private long parseNumber(int length, int from, int radix) {
        long value = 0;
        for (int i = from; i < length; i++) {
            int digit = Character.digit(line[i], radix);
            if (digit >= 0) {
                value = value * radix + digit;
            } else if (line[i] != ' ' || value != 0) {
                break; // chunk extensions or trailing text
            }
        }
        return value;
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing to do
        }
        socket = null;
    }
}
