package io.modyn.auth.iam.testing;

import io.modyn.api.auth.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the wire protocol would hand it to the authenticator: method, raw path and query,
 * headers in arrival order (names case-insensitive), the body as sent. Immutable; the
 * {@code with...} methods answer changed copies, for tests that tamper with one part.
 */
public final class TestRequest implements SignedRequest {

    private final String method;
    private final String path;
    private final String query;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;

    public TestRequest(String method, String path, String query, List<Map.Entry<String, String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.query = query == null ? "" : query;
        this.headers = List.copyOf(headers);
        this.body = body.clone();
    }

    /** Parses {@code METHOD /path?query HTTP/1.1}, {@code Name:value} lines, an empty line and the body. */
    public static TestRequest parse(String http) {
        int headerEnd = http.indexOf("\n\n");
        String head = headerEnd < 0 ? http : http.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : http.substring(headerEnd + 2);
        String[] lines = head.split("\n");
        String[] requestLine = lines[0].split(" ");
        String target = lines[0].substring(requestLine[0].length() + 1, lines[0].lastIndexOf(" HTTP/1.1"));
        int question = target.indexOf('?');
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1)));
        }
        return new TestRequest(requestLine[0], question < 0 ? target : target.substring(0, question),
                question < 0 ? "" : target.substring(question + 1), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                values.add(header.getValue());
            }
        }
        return values;
    }

    @Override
    public List<String> headerNames() {
        return headers.stream().map(Map.Entry::getKey).distinct().toList();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The same request with every value of this header replaced by one value (or removed, for null). */
    public TestRequest withHeader(String name, String value) {
        List<Map.Entry<String, String>> changed = new ArrayList<>();
        boolean replaced = false;
        for (Map.Entry<String, String> header : headers) {
            if (!header.getKey().equalsIgnoreCase(name)) {
                changed.add(header);
            } else if (!replaced && value != null) {
                changed.add(Map.entry(header.getKey(), value));
                replaced = true;
            }
        }
        if (!replaced && value != null) {
            changed.add(Map.entry(name, value));
        }
        return new TestRequest(method, path, query, changed, body);
    }

    public TestRequest withBody(byte[] newBody) {
        return new TestRequest(method, path, query, headers, newBody);
    }

    public TestRequest withQuery(String newQuery) {
        return new TestRequest(method, path, newQuery, headers, body);
    }

    public TestRequest withPath(String newPath) {
        return new TestRequest(method, newPath, query, headers, body);
    }

    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " " + headers.stream()
                .map(header -> header.getKey().toLowerCase(Locale.ROOT)).toList();
    }
}
