package io.modyn.examples.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts one change to the webhook, retrying with doubling delays. A 2xx answer delivers it; a
 * 4xx other than 408 and 429 is the receiver refusing this change, so retrying it is pointless;
 * anything else (5xx, 408, 429, no answer) is tried again until the attempts run out.
 */
final class Delivery {

    /** What became of one change. */
    record Outcome(boolean delivered, int attempts, String lastProblem) {
    }

    private final HttpClient client;
    private final URI url;
    private final int maxAttempts;
    private final long firstRetryMillis;
    private final Duration timeout;

    Delivery(URI url, int maxAttempts, long firstRetryMillis, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.url = url;
        this.maxAttempts = maxAttempts;
        this.firstRetryMillis = firstRetryMillis;
        this.timeout = timeout;
    }

    /** @throws InterruptedException when the bundle stops during a delivery */
    Outcome post(String json) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        String problem = null;
        long delay = firstRetryMillis;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) return new Outcome(true, attempt, null);
                problem = "HTTP status " + status;
                if (status >= 400 && status < 500 && status != 408 && status != 429) return new Outcome(false, attempt, problem);
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt < maxAttempts) {
                Thread.sleep(delay);
                delay = Math.min(delay * 2, 60_000);
            }
        }
        return new Outcome(false, maxAttempts, problem);
    }
}
