package io.modyn.auth.iam.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One question to the evaluator: may this principal perform this action on this resource, given
 * these condition keys? Built once per request (and per item of a batch): it lower-cases the action
 * and the condition key names (IAM ignores their case) and splits the resource ARN once, so that
 * matching twenty policies against it allocates nothing more.
 *
 * <p>The context holds every condition key the request has, each with its values (multivalued keys
 * such as {@code dynamodb:Attributes} and {@code dynamodb:LeadingKeys} have several); a key that
 * does not apply is absent, not empty. The caller supplies the global keys too ({@code
 * aws:username}, {@code aws:userid}, {@code aws:PrincipalTag/...}, {@code aws:SourceIp}, ...);
 * {@code aws:PrincipalArn} and {@code aws:PrincipalAccount} are added from the principal if missing.
 * Keys that are costly to produce or rarely tested may come from a {@link Builder#resolver resolver}
 * instead, asked only when a policy reads them.
 */
public final class AuthorizationRequest {

    private final String principalArn;
    private final String roleArn;
    private final String account;
    private final String action;
    private final String actionLowerCase;
    private final String resource;
    private final String[] resourceParts;
    private final Map<String, List<String>> context;
    private final Function<String, List<String>> resolver;

    private AuthorizationRequest(Builder b) {
        this.principalArn = Objects.requireNonNull(b.principalArn, "principalArn");
        this.action = Objects.requireNonNull(b.action, "action");
        this.resource = Objects.requireNonNull(b.resource, "resource");
        this.roleArn = b.roleArn;
        this.account = b.account != null ? b.account : accountOf(principalArn);
        this.actionLowerCase = WildcardPattern.lowerCase(action);
        this.resourceParts = Arns.split(resource, Arns.PARTS);
        Map<String, List<String>> normalized = new HashMap<>(b.context.size() * 2 + 4);
        for (Map.Entry<String, List<String>> e : b.context.entrySet()) {
            normalized.put(e.getKey().toLowerCase(Locale.ROOT), List.copyOf(e.getValue()));
        }
        normalized.putIfAbsent("aws:principalarn", List.of(principalArn));
        if (account != null) {
            normalized.putIfAbsent("aws:principalaccount", List.of(account));
        }
        this.context = normalized;
        this.resolver = b.resolver;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The caller's ARN, e.g. {@code arn:aws:iam::000000000000:user/alice} or an assumed-role session's. */
    public String principalArn() {
        return principalArn;
    }

    /** For a role session, the role's ARN (a resource policy naming it grants through the session policy); else null. */
    public String roleArn() {
        return roleArn;
    }

    public String account() {
        return account;
    }

    /** As the caller gave it, e.g. {@code dynamodb:PutItem}. */
    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    String actionLowerCase() {
        return actionLowerCase;
    }

    /** The resource split as a pattern of {@code count} ARN parts compares it. */
    String[] resourceParts(int count) {
        if (count == Arns.PARTS) {
            return resourceParts;
        }
        return count == 1 ? new String[] {resource} : Arns.split(resource, count);
    }

    /** @param lowerCaseKey a condition key name in lower case; @return its values, or null if absent */
    List<String> values(String lowerCaseKey) {
        List<String> values = context.get(lowerCaseKey);
        return values != null || resolver == null ? values : resolver.apply(lowerCaseKey);
    }

    /** The one value a policy variable takes, or null when the key is absent or multivalued. */
    String variable(String lowerCaseKey) {
        List<String> values = values(lowerCaseKey);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }

    private static String accountOf(String arn) {
        String[] parts = Arns.split(arn, Arns.PARTS);
        return parts.length == Arns.PARTS && !parts[4].isEmpty() ? parts[4] : null;
    }

    @Override
    public String toString() {
        return principalArn + " " + action + " " + resource + " " + Arrays.toString(context.keySet().toArray());
    }

    /** Collects a request; keys of {@link #context} are case-insensitive. */
    public static final class Builder {

        private String principalArn;
        private String roleArn;
        private String account;
        private String action;
        private String resource;
        private final Map<String, List<String>> context = new HashMap<>();
        private Function<String, List<String>> resolver;

        private Builder() {
        }

        public Builder principal(String arn) {
            this.principalArn = arn;
            return this;
        }

        public Builder role(String arn) {
            this.roleArn = arn;
            return this;
        }

        /** The principal's account; taken from its ARN when not set. */
        public Builder account(String accountId) {
            this.account = accountId;
            return this;
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder resource(String arn) {
            this.resource = arn;
            return this;
        }

        public Builder context(String key, String... values) {
            context.put(key, List.of(values));
            return this;
        }

        public Builder context(String key, List<String> values) {
            context.put(key, values);
            return this;
        }

        public Builder context(Map<String, List<String>> keys) {
            context.putAll(keys);
            return this;
        }

        /**
         * Where the keys absent from the context come from, asked only when a policy tests one: the
         * function gets the key's name in lower case and returns its values, or null when the request
         * does not have it. For keys that cost something to produce ({@code aws:ResourceTag/...},
         * {@code aws:CurrentTime}) or that most policies never read; it must answer the same for the
         * same key throughout one evaluation.
         */
        public Builder resolver(Function<String, List<String>> lazyKeys) {
            this.resolver = lazyKeys;
            return this;
        }

        public AuthorizationRequest build() {
            return new AuthorizationRequest(this);
        }
    }
}
