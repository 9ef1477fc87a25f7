package io.modyn.metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.Headers;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BrowserRequestGuardTest {

    private static final int PORT = 9464;

    private final BrowserRequestGuard guard = new BrowserRequestGuard(Set.of("modyn-1.internal"));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:9464", "localhost:9464", "LOCALHOST:9464", "[::1]:9464", "10.1.2.3:9464",
            "[fd00::5]:9464", "modyn-1.internal:9464", "MODYN-1.Internal:9464"})
    void scrapersNamingTheEndpointByAddressOrConfiguredNameAreServed(String host) {
        assertDoesNotThrow(() -> guard.check(headers("Host", host), PORT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:9464", "127.0.0.1:9465", "127.0.0.1", "localhost.evil.example:9464",
            "300.0.0.1:9464", "modyn-2.internal:9464", "[::1]"})
    void otherHostsAreRefused(String host) {
        ScrapeRefusal refusal = assertThrows(ScrapeRefusal.class, () -> guard.check(headers("Host", host), PORT));
        assertEquals(ScrapeRefusal.FORBIDDEN, refusal.status());
    }

    @Test
    void aRequestWithAnOriginIsRefused() {
        ScrapeRefusal refusal = assertThrows(ScrapeRefusal.class,
                () -> guard.check(headers("Host", "127.0.0.1:9464", "Origin", "http://127.0.0.1:9464"), PORT));
        assertEquals(ScrapeRefusal.FORBIDDEN, refusal.status());
    }

    @Test
    void aRequestMarkedByABrowserIsRefused() {
        ScrapeRefusal refusal = assertThrows(ScrapeRefusal.class,
                () -> guard.check(headers("Host", "127.0.0.1:9464", "Sec-Fetch-Mode", "no-cors"), PORT));
        assertEquals(ScrapeRefusal.FORBIDDEN, refusal.status());
    }

    @Test
    void twoHostHeadersAreRefused() {
        Headers headers = headers("Host", "127.0.0.1:9464");
        headers.add("Host", "evil.example:9464");
        assertThrows(ScrapeRefusal.class, () -> guard.check(headers, PORT));
    }

    @Test
    void aBodyIsRefused() {
        ScrapeRefusal refusal = assertThrows(ScrapeRefusal.class,
                () -> guard.check(headers("Host", "127.0.0.1:9464", "Content-Length", "12"), PORT));
        assertEquals(ScrapeRefusal.BAD_REQUEST, refusal.status());
    }

    private static Headers headers(String... namesAndValues) {
        Headers headers = new Headers();
        for (int i = 0; i < namesAndValues.length; i += 2) headers.add(namesAndValues[i], namesAndValues[i + 1]);
        return headers;
    }
}
