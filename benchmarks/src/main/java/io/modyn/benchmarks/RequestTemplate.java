package io.modyn.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A DynamoDB request serialized once, headers and body, with fixed-width slots that a client
 * overwrites in place before each send (a key's digits, an item's random payload). The length
 * never changes, so Content-Length is written once, and a request costs the client no allocation.
 *
 * <p>The Authorization header is well formed but not a real signature: the servers measured here run
 * without authentication (Modyn with {@code --auth none}, dynalite and DynamoDB Local check only its
 * shape), and signing would measure the client's HMAC rather than the server.
 */
final class RequestTemplate {

    private static final byte[] LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;
    private final int[] slotOffsets;
    private final int[] slotWidths;
    private long randomState;

    private RequestTemplate(byte[] bytes, int[] slotOffsets, int[] slotWidths) {
        this.bytes = bytes;
        this.slotOffsets = slotOffsets;
        this.slotWidths = slotWidths;
        this.randomState = System.nanoTime() | 1;
    }

    static Builder builder(String operation) {
        return new Builder(operation);
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return bytes.length;
    }

    /** Writes {@code value} in decimal, zero-padded to the slot's width. */
    void setDigits(int slot, long value) {
        int offset = slotOffsets[slot];
        for (int i = offset + slotWidths[slot] - 1; i >= offset; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Fills the slot with random letters and digits (six bits of entropy a byte, as base64 text has). */
    void fillRandom(int slot) {
        int offset = slotOffsets[slot];
        int end = offset + slotWidths[slot];
        long x = randomState;
        for (int i = offset; i < end; ) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            for (int k = 0; k < 10 && i < end; k++, i++) bytes[i] = LETTERS[(int) (x >>> (k * 6)) & 63];
        }
        randomState = x;
    }

    /** The JSON body; for checks and tests. */
    String body() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\r\n\r\n") + 4);
    }

    static final class Builder {
        private final String operation;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final List<int[]> slots = new ArrayList<>();

        private Builder(String operation) {
            this.operation = operation;
        }

        Builder text(String json) {
            body.writeBytes(json.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Adds a slot of {@code width} bytes ('0' until set) and returns the builder; slots are numbered in order from 0. */
        Builder slot(int width) {
            slots.add(new int[] {body.size(), width});
            byte[] zeros = new byte[width];
            Arrays.fill(zeros, (byte) '0');
            body.writeBytes(zeros);
            return this;
        }

        RequestTemplate build(String host) {
            byte[] head = HttpRequests.head(host, operation, body.size());
            byte[] all = new byte[head.length + body.size()];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body.toByteArray(), 0, all, head.length, body.size());
            int[] offsets = new int[slots.size()];
            int[] widths = new int[slots.size()];
            for (int i = 0; i < slots.size(); i++) {
                offsets[i] = head.length + slots.get(i)[0];
                widths[i] = slots.get(i)[1];
            }
            return new RequestTemplate(all, offsets, widths);
        }
    }
}
