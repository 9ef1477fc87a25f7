package io.modyn.protocol.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrowserAccessTest {

    private final BrowserAccess loopback = BrowserAccess.LOOPBACK_ONLY;
    private final BrowserAccess configured = BrowserAccess.parse("https://app.example, http://tools.internal:8080/", "modyn.internal db.example");

    @Test
    void pagesOnLoopbackHostsMayCallByDefault() {
        for (String origin : new String[] {"http://localhost:3000", "https://localhost", "http://127.0.0.1:5173", "http://[::1]:8080",
                "http://dev.localhost:3000", "HTTP://LOCALHOST:3000"}) {
            assertTrue(loopback.allowsOrigin(origin), origin);
        }
    }

    @Test
    void pagesElsewhereMayNot() {
        for (String origin : new String[] {"http://evil.example", "null", "file://", "http://localhost.evil.com", "http://127.0.0.1.evil.com",
                "chrome-extension://abc", "http://10.0.0.1", "ftp://localhost", "", "not a url"}) {
            assertFalse(loopback.allowsOrigin(origin), origin);
        }
    }

    @Test
    void listedOriginsMayCallAsWritten() {
        assertTrue(configured.allowsOrigin("https://app.example"));
        assertTrue(configured.allowsOrigin("https://APP.example"));
        assertTrue(configured.allowsOrigin("http://tools.internal:8080"));
        assertFalse(configured.allowsOrigin("http://app.example"), "another scheme is another origin");
        assertFalse(configured.allowsOrigin("http://tools.internal:8081"), "another port is another origin");
        assertFalse(configured.allowsOrigin("https://app.example.evil.com"));
    }

    @Test
    void aStarAllowsEveryOrigin() {
        BrowserAccess any = BrowserAccess.parse("*", "");
        assertTrue(any.anyOrigin());
        assertTrue(any.allowsOrigin("http://anything.example"));
    }

    @Test
    void loopbackNamesAndIpLiteralsAreThisServersHosts() {
        for (String host : new String[] {"localhost", "localhost:8000", "127.0.0.1:8000", "127.1.2.3", "[::1]:8000", "[::1]",
                "api.localhost:8000", "192.168.1.20:8000", "[fe80::1]:8000", "10.0.0.5"}) {
            assertTrue(loopback.allowsHost(host), host);
        }
        assertTrue(loopback.allowsHost(null), "HTTP/1.0 requests have no Host");
    }

    @Test
    void otherNamesAreRefusedUnlessListed() {
        for (String host : new String[] {"evil.example", "evil.example:8000", "localhost.evil.com", "127.0.0.1.nip.io:8000",
                "localhost:80:80", "[::1", "256.0.0.1", "modyn.internal"}) {
            assertFalse(loopback.allowsHost(host), host);
        }
        assertTrue(configured.allowsHost("modyn.internal:8000"));
        assertTrue(configured.allowsHost("DB.example"));
        assertFalse(configured.allowsHost("other.example"));
    }
}
