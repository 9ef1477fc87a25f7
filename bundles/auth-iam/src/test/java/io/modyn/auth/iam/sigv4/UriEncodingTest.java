package io.modyn.auth.iam.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UriEncodingTest {

    @Test
    void pathAsSentIsEncodedOnceMore() {
        assertEquals("/example%2520space/", UriEncoding.canonicalPath("/example%20space/"));
        assertEquals("/", UriEncoding.canonicalPath(""));
        assertEquals("/a/b/", UriEncoding.canonicalPath("//a/./b//c/..//"));
        assertEquals("/", UriEncoding.canonicalPath("/a/.."));
    }

    @Test
    void queryTextIsPercentDecodedNotFormDecoded() {
        assertEquals("a+b c", UriEncoding.decode("a+b%20c"));
        assertEquals("100%", UriEncoding.decode("100%"));
        assertEquals("%zz\u1234", UriEncoding.decode("%zz%E1%88%B4"));
        assertEquals("a%2Bb%20c~", UriEncoding.encode("a+b c~", false));
        assertEquals("%F0%9F%98%80", UriEncoding.encode("\uD83D\uDE00", false));
    }
}
