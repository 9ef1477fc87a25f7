package io.modyn.protocol.http;

import io.modyn.api.auth.SignedRequest;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.util.ArrayList;
import java.util.List;

/** The view of an Undertow exchange that an {@link io.modyn.api.auth.Authenticator} verifies. */
final class ExchangeSignedRequest implements SignedRequest {

    private final HttpServerExchange exchange;
    private final byte[] rawBody;

    ExchangeSignedRequest(HttpServerExchange exchange, byte[] rawBody) {
        this.exchange = exchange;
        this.rawBody = rawBody;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod().toString();
    }

    @Override
    public String path() {
        // Undertow keeps the request URI as sent (still percent-encoded), without the query.
        String uri = exchange.getRequestURI();
        return uri.isEmpty() ? "/" : uri;
    }

    @Override
    public String query() {
        return exchange.getQueryString();
    }

    @Override
    public List<String> headers(String name) {
        HeaderValues values = exchange.getRequestHeaders().get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public List<String> headerNames() {
        List<String> names = new ArrayList<>();
        for (HttpString name : exchange.getRequestHeaders().getHeaderNames()) {
            names.add(name.toString());
        }
        return names;
    }

    @Override
    public byte[] body() {
        return rawBody;
    }
}
