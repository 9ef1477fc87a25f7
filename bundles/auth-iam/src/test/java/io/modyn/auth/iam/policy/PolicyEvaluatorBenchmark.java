package io.modyn.auth.iam.policy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU time of one authorization decision, for the README and the budget (at most 5 µs per
 * request with 20 policies attached): twenty identity-based policies without conditions, three
 * statements each (an Allow on one table and its indexes, a Deny on another action), where only the
 * last policy allows the request, so every statement is looked at. Measured with and without
 * building the {@link AuthorizationRequest} (which a server does once per request). A program, not
 * a test: run it with the test class path, e.g.
 * {@code java -cp target/classes:target/test-classes:<deps> io.modyn.auth.iam.policy.PolicyEvaluatorBenchmark}.
 */
public final class PolicyEvaluatorBenchmark {

    private static final int ROUNDS = 1_000_000;
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders19";

    private PolicyEvaluatorBenchmark() {
    }

    public static void main(String[] args) {
        List<PolicyDocument> policies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            policies.add(PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":["
                    + "{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\",\"dynamodb:Query\",\"dynamodb:Scan\",\"dynamodb:BatchGet*\"],"
                    + "\"Resource\":[\"arn:aws:dynamodb:us-east-1:000000000000:table/Orders" + i + "\","
                    + "\"arn:aws:dynamodb:us-east-1:000000000000:table/Orders" + i + "/index/*\"]},"
                    + "{\"Sid\":\"Write\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:PutItem\",\"dynamodb:UpdateItem\"],"
                    + "\"Resource\":\"arn:aws:dynamodb:*:*:table/Orders" + i + "\"},"
                    + "{\"Sid\":\"NoDrop\",\"Effect\":\"Deny\",\"Action\":\"dynamodb:DeleteTable\",\"Resource\":\"*\"}]}",
                    PolicyKind.IDENTITY));
        }
        PolicySet set = PolicySet.of(policies);
        Map<String, List<String>> context = Map.of("aws:username", List.of("alice"), "aws:userid", List.of("AIDAALICE"),
                "aws:SourceIp", List.of("203.0.113.7"), "aws:SecureTransport", List.of("true"));
        AuthorizationRequest prebuilt = request(context);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            evaluate(set, prebuilt);
            long cpuStart = threads.getCurrentThreadCpuTime();
            evaluate(set, prebuilt);
            double evaluateOnly = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / ROUNDS;
            cpuStart = threads.getCurrentThreadCpuTime();
            buildAndEvaluate(set, context);
            double withRequest = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / ROUNDS;
            System.out.printf("round %d: 20 policies, 60 statements: %.2f us CPU/decision, %.2f us with building the request%n",
                    round + 1, evaluateOnly, withRequest);
        }
    }

    private static AuthorizationRequest request(Map<String, List<String>> context) {
        return AuthorizationRequest.builder().principal("arn:aws:iam::000000000000:user/alice").action("dynamodb:GetItem")
                .resource(TABLE).context(context).build();
    }

    private static void evaluate(PolicySet set, AuthorizationRequest request) {
        for (int i = 0; i < ROUNDS; i++) {
            if (PolicyEvaluator.evaluate(request, set) != Decision.ALLOWED) {
                throw new AssertionError("not allowed");
            }
        }
    }

    private static void buildAndEvaluate(PolicySet set, Map<String, List<String>> context) {
        for (int i = 0; i < ROUNDS; i++) {
            if (PolicyEvaluator.evaluate(request(context), set) != Decision.ALLOWED) {
                throw new AssertionError("not allowed");
            }
        }
    }
}
