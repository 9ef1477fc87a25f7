package io.modyn.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * One segment of a parallel Scan (one segment per client), page after page with the default 1 MB
 * page; when the segment ends it starts again. Each page's request is built from the previous
 * answer's LastEvaluatedKey, the only request of the benchmark built per call: a page is large, so
 * the client's cost per byte stays small.
 */
final class ScanRequests implements ClientRequests {

    private static final byte[] LAST_KEY = "\"LastEvaluatedKey\":".getBytes(StandardCharsets.US_ASCII);

    private final Dataset dataset;
    private final String host;
    private final int segment;
    private final int segments;
    private String exclusiveStartKey;
    private byte[] request;

    ScanRequests(Dataset dataset, String host, int segment, int segments) {
        this.dataset = dataset;
        this.host = host;
        this.segment = segment;
        this.segments = segments;
    }

    @Override
    public void next() {
        request = HttpRequests.request(host, "Scan", "{\"TableName\":\"" + dataset.table() + "\",\"Segment\":" + segment
                + ",\"TotalSegments\":" + segments + (exclusiveStartKey == null ? "" : ",\"ExclusiveStartKey\":" + exclusiveStartKey) + "}");
    }

    @Override
    public byte[] bytes() {
        return request;
    }

    @Override
    public int length() {
        return request.length;
    }

    @Override
    public void answered(HttpConnection connection) {
        exclusiveStartKey = lastEvaluatedKey(connection.body(), connection.bodyLength());
    }

    @Override
    public String unexpected(String body) {
        return body.contains("\"Items\":[") ? null : "expected Items in " + TemplateRequests.abbreviate(body);
    }

    /** The JSON object after "LastEvaluatedKey": (balanced braces, strings skipped), or null if the page was the last. */
    static String lastEvaluatedKey(byte[] body, int length) {
        int start = lastIndexOf(body, length, LAST_KEY);
        if (start < 0) return null;
        int i = start + LAST_KEY.length;
        while (i < length && body[i] != '{') i++;
        int depth = 0;
        boolean inString = false;
        for (int j = i; j < length; j++) {
            byte b = body[j];
            if (inString) {
                if (b == '\\') j++;
                else if (b == '"') inString = false;
            } else if (b == '"') {
                inString = true;
            } else if (b == '{') {
                depth++;
            } else if (b == '}' && --depth == 0) {
                return new String(body, i, j + 1 - i, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** From the end: servers put LastEvaluatedKey after the items, or before them on a short page. */
    private static int lastIndexOf(byte[] body, int length, byte[] needle) {
        outer:
        for (int i = length - needle.length; i >= 0; i--) {
            for (int k = 0; k < needle.length; k++) {
                if (body[i + k] != needle[k]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
