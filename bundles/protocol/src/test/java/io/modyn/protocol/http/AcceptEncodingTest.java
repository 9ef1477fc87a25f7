package io.modyn.protocol.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

    @Test
    void gzipIsWelcomeWhenListedWithoutZeroQuality() {
        assertTrue(AcceptEncoding.allowsGzip("gzip"));
        assertTrue(AcceptEncoding.allowsGzip("deflate, GZIP;q=0.5"));
        assertTrue(AcceptEncoding.allowsGzip("*"));
    }

    @Test
    void gzipIsNotSentUnasked() {
        assertFalse(AcceptEncoding.allowsGzip(null));
        assertFalse(AcceptEncoding.allowsGzip("identity"));
        assertFalse(AcceptEncoding.allowsGzip("gzip;q=0"));
        assertFalse(AcceptEncoding.allowsGzip("gzip; Q=0.0, br"));
    }
}
