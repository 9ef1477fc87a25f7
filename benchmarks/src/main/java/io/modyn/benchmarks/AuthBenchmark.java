package io.modyn.benchmarks;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.ConditionKeys;
import io.modyn.api.auth.Principal;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.auth.ResourceTags;
import io.modyn.api.auth.SignedRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.auth.iam.authorization.Caller;
import io.modyn.auth.iam.authorization.IamAuthorizer;
import io.modyn.auth.iam.credentials.RootCredentials;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyKind;
import io.modyn.auth.iam.sigv4.SigV4Verifier;
import io.modyn.auth.iam.sigv4.SigningServices;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The per-request cost of {@code --auth iam} in process, one thread, against the budgets
 * (SigV4 verification at most 15 µs, authorization at most 5 µs at the median): every call is
 * timed on its own, after as many warm-up calls, and the median and 99th percentile printed.
 *
 * <ul>
 * <li>SigV4: a GetItem signed by the AWS SDK's own signer, verified by {@link SigV4Verifier} with its
 * signing key cached (every request but a key's first of the day), and with the key derived anew.</li>
 * <li>Authorization: a GetItem by a user with 20 identity-based policies, only the last of which
 * allows it (every policy is looked at), with the condition keys the engine sends for a GetItem;
 * cached (the decision cache answers), uncached (every entry has expired, so each call evaluates
 * the 20 policies and caches again), and with a condition in every policy (never cached).</li>
 * </ul>
 *
 * <pre>
 *   benchmarks/run-auth [--rounds 200000]
 * </pre>
 */
public final class AuthBenchmark {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final String ACCESS_KEY = "AKIABENCHMARK0000001";
    static final String SECRET = "benchmark-secret-access-key-0000000000000";
    static final int POLICIES = 20;

    private AuthBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length == 2 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 200_000;
        List<String> rows = new ArrayList<>();
        rows.add(sigV4(rounds));
        rows.add(sigV4NewSigningKey(rounds));
        rows.add(authorization("authorization, 20 policies, cached", rounds, false, false));
        rows.add(authorization("authorization, 20 policies, uncached", rounds, true, false));
        rows.add(authorization("authorization, 20 policies with conditions (never cached)", rounds, true, true));
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d timed calls per row after as many warm-up calls, one thread, %d cores, %s%n%n", rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.println("| measurement | p50 µs | p99 µs | mean µs |");
        System.out.println("| --- | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    private static String sigV4(int rounds) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        SigV4Verifier verifier = new SigV4Verifier(REGION, new RootCredentials(ACCOUNT, ACCESS_KEY, SECRET), SigningServices::accepted,
                Clock.fixed(now, ZoneOffset.UTC));
        byte[] body = ("{\"TableName\":\"Orders\",\"Key\":{\"customer\":{\"S\":\"c-000123\"},\"order\":{\"S\":\"2025-12-31#0042\"}},"
                + "\"ProjectionExpression\":\"#s, total\",\"ExpressionAttributeNames\":{\"#s\":\"status\"}}").getBytes(StandardCharsets.UTF_8);
        SignedRequest request = sign(body, now);
        return row("SigV4 verification of a " + body.length + "-byte GetItem", time(rounds, () -> verifier.verify(request)));
    }

    /** A new verifier per call: the signing key is derived each time, as for a key's first request of the day. */
    private static String sigV4NewSigningKey(int rounds) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        RootCredentials root = new RootCredentials(ACCOUNT, ACCESS_KEY, SECRET);
        byte[] body = "{\"TableName\":\"Orders\",\"Key\":{\"customer\":{\"S\":\"c-000123\"}}}".getBytes(StandardCharsets.UTF_8);
        SignedRequest request = sign(body, now);
        return row("SigV4 verification, signing key derived (first request of a key and day)", time(rounds,
                () -> new SigV4Verifier(REGION, root, SigningServices::accepted, Clock.fixed(now, ZoneOffset.UTC)).verify(request)));
    }

    private static String authorization(String name, int rounds, boolean expireEveryEntry, boolean conditions) {
        List<PolicyDocument> policies = new ArrayList<>();
        for (int i = 0; i < POLICIES; i++) {
            String condition = conditions
                    ? ",\"Condition\":{\"ForAllValues:StringEquals\":{\"dynamodb:LeadingKeys\":[\"${aws:userid}\",\"c-000123\"]}}" : "";
            policies.add(PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                    + "[\"dynamodb:GetItem\",\"dynamodb:Query\",\"dynamodb:PutItem\"],\"Resource\":[\"arn:aws:dynamodb:" + REGION + ":"
                    + ACCOUNT + ":table/Table" + i + "\",\"arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/Table" + i
                    + "/index/*\"]" + condition + "}]}", PolicyKind.MANAGED));
        }
        Caller caller = new Caller(policies, null, Map.of("team", "blue"), "alice", null);
        // Uncached: a clock that moves two seconds on each reading, so every cached decision has expired when next looked up.
        AtomicLong nanos = new AtomicLong();
        IamAuthorizer authorizer = new IamAuthorizer(REGION, principal -> caller, Clock.systemUTC(),
                expireEveryEntry ? () -> nanos.addAndGet(2_000_000_000L) : System::nanoTime);
        Principal alice = new Principal(ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/alice", "AKIAALICE", "AIDAALICE0000000000");
        RequestContext context = new RequestContext("r", alice, "10.0.0.7", false, "aws-sdk-java/2.39.6");
        List<AuthorizationRequest> requests = List.of(new AuthorizationRequest("dynamodb:GetItem",
                "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/Table" + (POLICIES - 1),
                Map.of(ConditionKeys.LEADING_KEYS, List.of("c-000123"),
                        ConditionKeys.ATTRIBUTES, List.of("customer", "order", "status", "total"),
                        ConditionKeys.SELECT, List.of("SPECIFIC_ATTRIBUTES"))));
        ResourceTags tags = arn -> Map.of();
        return row(name, time(rounds, () -> authorizer.authorize(context, requests, tags, ResourcePolicies.NONE)));
    }

    private static long[] time(int rounds, Runnable call) {
        for (int i = 0; i < rounds; i++) {
            call.run();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static String row(String name, long[] sorted) {
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
        String line = String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |", name, percentile(sorted, 50), percentile(sorted, 99), mean);
        System.err.println(line);
        return line;
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    /** A GetItem as the AWS SDK signs it (its own SigV4 signer), in the form the server hands the verifier. */
    private static SignedRequest sign(byte[] body, Instant now) {
        URI endpoint = URI.create("http://127.0.0.1:8000/");
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .putHeader("User-Agent", "aws-sdk-java/2.39.6 md/io#sync ua/2.1 os/Linux lang/java#17")
                .putHeader("Content-Length", String.valueOf(body.length))
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(request -> {
            request.identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET))
                    .request(unsigned)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC));
        }).request();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        signed.forEachHeader((header, values) -> values.forEach(value -> headers.add(Map.entry(header, value))));
        if (signed.firstMatchingHeader("Host").isEmpty()) {
            headers.add(Map.entry("Host", endpoint.getAuthority()));
        }
        Map<String, List<String>> byName = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach(e -> byName.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<String> names = headers.stream().map(Map.Entry::getKey).distinct().toList();
        return new SignedRequest() {
            @Override
            public String method() {
                return "POST";
            }

            @Override
            public String path() {
                return signed.encodedPath().isEmpty() ? "/" : signed.encodedPath();
            }

            @Override
            public String query() {
                return "";
            }

            @Override
            public List<String> headers(String header) {
                return byName.getOrDefault(header, List.of());
            }

            @Override
            public List<String> headerNames() {
                return names;
            }

            @Override
            public byte[] body() {
                return body;
            }
        };
    }
}
