package io.modyn.metrics;

import com.sun.net.httpserver.HttpExchange;
import io.modyn.api.auth.SignedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A metrics request as the {@link io.modyn.api.auth.Authenticator} verifies its signature: method,
 * raw path and query, and headers as received. The body is always empty: {@link BrowserRequestGuard}
 * refuses any request that has one before this is made.
 */
final class ExchangeSignedRequest implements SignedRequest {

    private static final byte[] NO_BODY = new byte[0];

    private final HttpExchange exchange;

    ExchangeSignedRequest(HttpExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod();
    }

    @Override
    public String path() {
        return exchange.getRequestURI().getRawPath();
    }

    @Override
    public String query() {
        String query = exchange.getRequestURI().getRawQuery();
        return query == null ? "" : query;
    }

    @Override
    public List<String> headers(String name) {
        List<String> values = exchange.getRequestHeaders().get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public List<String> headerNames() {
        return new ArrayList<>(exchange.getRequestHeaders().keySet());
    }

    @Override
    public byte[] body() {
        return NO_BODY;
    }
}
