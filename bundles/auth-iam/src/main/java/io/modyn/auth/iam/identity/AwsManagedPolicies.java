package io.modyn.auth.iam.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The few AWS managed policies this server knows, {@code arn:aws:iam::aws:policy/<name>}: the
 * well-known DynamoDB ones, so that scripts attaching them work. Their statements are our own
 * wording and grant DynamoDB actions only (AWS's also reach other services this server does not
 * have). They are read-only: one version each, never deleted; only how often each is attached is
 * stored (by {@link PolicyStore}).
 */
public final class AwsManagedPolicies {

    public static final String ARN_PREFIX = "arn:aws:iam::aws:policy/";

    private static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ID_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Map<String, ManagedPolicy> BY_NAME = new LinkedHashMap<>();

    static {
        add("AmazonDynamoDBFullAccess", "Every DynamoDB action on every table, index and stream of the account.",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllOfDynamoDB\",\"Effect\":\"Allow\","
                        + "\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}]}");
        add("AmazonDynamoDBReadOnlyAccess", "Reads of every DynamoDB table, index and stream of the account, and their descriptions.",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadDynamoDB\",\"Effect\":\"Allow\",\"Action\":["
                        + "\"dynamodb:BatchGetItem\",\"dynamodb:ConditionCheckItem\",\"dynamodb:Describe*\",\"dynamodb:Get*\","
                        + "\"dynamodb:List*\",\"dynamodb:PartiQLSelect\",\"dynamodb:Query\",\"dynamodb:Scan\"],\"Resource\":\"*\"}]}");
    }

    private AwsManagedPolicies() {
    }

    private static void add(String name, String description, String document) {
        BY_NAME.put(name.toLowerCase(Locale.ROOT), new ManagedPolicy(name, "/", "ANPA" + stableId(name), description, PUBLISHED, PUBLISHED,
                "v1", 0, Map.of(), 2, List.of(new ManagedPolicy.Version("v1", document, PUBLISHED))));
    }

    /** Whether the ARN is in AWS's namespace of managed policies (whether or not we know the policy). */
    public static boolean isAwsArn(String arn) {
        return arn.startsWith(ARN_PREFIX);
    }

    /** The AWS managed policy with this ARN, without its attachment count. */
    public static Optional<ManagedPolicy> find(String arn) {
        if (!isAwsArn(arn)) return Optional.empty();
        ManagedPolicy policy = BY_NAME.get(arn.substring(ARN_PREFIX.length()).toLowerCase(Locale.ROOT));
        return Optional.ofNullable(policy).filter(p -> (ARN_PREFIX + p.name()).equals(arn));
    }

    /** Every AWS managed policy we know, ordered by name, without attachment counts. */
    public static List<ManagedPolicy> all() {
        return BY_NAME.values().stream().sorted(java.util.Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT))).toList();
    }

    /** Whether this is one of ours (a customer may give one of its own policies the same name). */
    public static boolean isAwsManaged(ManagedPolicy policy) {
        ManagedPolicy known = BY_NAME.get(policy.name().toLowerCase(Locale.ROOT));
        return known != null && known.policyId().equals(policy.policyId());
    }

    /** 17 characters from the name, the same on every node and every start. */
    private static String stableId(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            char[] id = new char[17];
            for (int i = 0; i < id.length; i++) id[i] = ID_DIGITS.charAt((hash[i] & 0xff) % ID_DIGITS.length());
            return new String(id);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
