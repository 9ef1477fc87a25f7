package io.modyn.protocol.http;

import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids as DynamoDB makes them: 52 characters of {@code [0-9A-Z]}. They only have to be
 * unique enough to find a request in the log, so a fast non-cryptographic random source serves.
 */
final class RequestIds {

    static final HttpString HEADER = new HttpString("x-amzn-RequestId");
    static final AttachmentKey<String> KEY = AttachmentKey.create(String.class);

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final int LENGTH = 52;

    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
