package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.Test;

class BrowserRequestGuardTest {

    private static final int PORT = 8001;

    @Test
    void whatCurlSendsIsServed() {
        assertDoesNotThrow(() -> BrowserRequestGuard.check(curl(), PORT));
        Headers emptyBody = curl();
        emptyBody.add("Content-Length", "0");
        assertDoesNotThrow(() -> BrowserRequestGuard.check(emptyBody, PORT));
    }

    @Test
    void anyOriginIsRefused() {
        for (String origin : new String[] {"http://evil.example", "null", "http://127.0.0.1:8001"}) {
            Headers headers = curl();
            headers.add("Origin", origin);
            assertStatus(AdminException.FORBIDDEN, headers);
        }
    }

    @Test
    void browserFetchMetadataIsRefused() {
        Headers headers = curl();
        headers.add("Sec-Fetch-Site", "same-origin");
        assertStatus(AdminException.FORBIDDEN, headers);
    }

    @Test
    void hostMustBeALoopbackNameWithTheEndpointsPort() {
        for (String host : new String[] {"localhost:8001", "LOCALHOST:8001", "127.0.0.1:8001", "127.9.8.7:8001",
                "[::1]:8001", "[0:0:0:0:0:0:0:1]:8001"}) {
            assertDoesNotThrow(() -> BrowserRequestGuard.check(withHost(host), PORT), host);
        }
        for (String host : new String[] {"evil.example:8001", "localhost.evil.example:8001", "127.0.0.1.nip.io:8001",
                "127.0.0.1:80", "127.0.0.1", "localhost", "10.0.0.1:8001", "[::2]:8001", "127.0.0.256:8001",
                "[::1]:8001:8001", ""}) {
            assertStatus(AdminException.FORBIDDEN, withHost(host));
        }
    }

    @Test
    void missingOrRepeatedHostIsRefused() {
        assertStatus(AdminException.FORBIDDEN, new Headers());
        Headers twice = curl();
        twice.add("Host", "localhost:8001");
        assertStatus(AdminException.FORBIDDEN, twice);
    }

    @Test
    void anyContentTypeIsRefused() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/json"}) {
            Headers headers = curl();
            headers.add("Content-Type", type);
            assertStatus(AdminException.UNSUPPORTED_MEDIA_TYPE, headers);
        }
    }

    @Test
    void aBodyIsRefused() {
        Headers sized = curl();
        sized.add("Content-Length", "5");
        assertStatus(AdminException.BAD_REQUEST, sized);
        Headers chunked = curl();
        chunked.add("Transfer-Encoding", "chunked");
        assertStatus(AdminException.BAD_REQUEST, chunked);
    }

    @Test
    void loopbackNamesNeverResolveThroughDns() {
        assertTrue(BrowserRequestGuard.isLoopbackName("127.0.0.1"));
        assertFalse(BrowserRequestGuard.isLoopbackName("localhost6.example"));
        assertFalse(BrowserRequestGuard.isLoopbackName("[evil.example]"));
    }

    private static Headers curl() {
        return withHost("127.0.0.1:" + PORT);
    }

    private static Headers withHost(String host) {
        Headers headers = new Headers();
        headers.add("Host", host);
        headers.add("Accept", "*/*");
        headers.add("User-Agent", "curl/7.88.1");
        return headers;
    }

    private static void assertStatus(int status, Headers headers) {
        AdminException error = assertThrows(AdminException.class, () -> BrowserRequestGuard.check(headers, PORT),
                headers::toString);
        assertEquals(status, error.status(), error.getMessage());
    }
}
