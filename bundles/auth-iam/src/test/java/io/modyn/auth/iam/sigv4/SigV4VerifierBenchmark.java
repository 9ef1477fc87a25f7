package io.modyn.auth.iam.sigv4;

import io.modyn.auth.iam.credentials.RootCredentials;
import io.modyn.auth.iam.testing.SdkSigner;
import io.modyn.auth.iam.testing.TestRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * CPU time of one SigV4 verification, for the README and the budget (at most 15 µs per
 * request): a GetItem signed by the AWS SDK, verified 100,000 times after as many for warm-up, on
 * one thread. A program, not a test: run it with the test class path, e.g.
 * {@code java -cp target/classes:target/test-classes:<deps> io.modyn.auth.iam.sigv4.SigV4VerifierBenchmark}.
 */
public final class SigV4VerifierBenchmark {

    private static final int ROUNDS = 100_000;

    private SigV4VerifierBenchmark() {
    }

    public static void main(String[] args) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        RootCredentials root = new RootCredentials("000000000000", "AKIABENCHMARK0000001", "benchmark-secret-access-key-0000000000000");
        SigV4Verifier verifier = new SigV4Verifier("us-east-1", root, SigningServices::accepted, Clock.fixed(now, ZoneOffset.UTC));
        byte[] body = ("{\"TableName\":\"Orders\",\"Key\":{\"customer\":{\"S\":\"c-000123\"},\"order\":{\"S\":\"2025-12-31#0042\"}},"
                + "\"ProjectionExpression\":\"#s, total\",\"ExpressionAttributeNames\":{\"#s\":\"status\"}}").getBytes(StandardCharsets.UTF_8);
        TestRequest request = new SdkSigner("AKIABENCHMARK0000001", "benchmark-secret-access-key-0000000000000", "us-east-1", now)
                .sign("GetItem", body, Map.of("User-Agent", "aws-sdk-java/2.39.6 md/io#sync ua/2.1 os/Linux lang/java#17"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            run(verifier, request);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            run(verifier, request);
            double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / ROUNDS;
            double wallMicros = (System.nanoTime() - wallStart) / 1000.0 / ROUNDS;
            System.out.printf("round %d: %,d verifications of a %d-byte GetItem: %.2f us CPU/op, %.2f us wall/op%n",
                    round + 1, ROUNDS, body.length, cpuMicros, wallMicros);
        }
    }

    private static void run(SigV4Verifier verifier, TestRequest request) {
        for (int i = 0; i < ROUNDS; i++) {
            if (verifier.verify(request) == null) {
                throw new AssertionError("no credential");
            }
        }
    }
}
