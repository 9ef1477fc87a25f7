package io.modyn.auth.iam.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code Principal} or {@code NotPrincipal} of a resource-based or trust policy: {@code "*"}
 * (anyone), {@code {"AWS": ...}} with account ids, account root ARNs, user, role and assumed-role
 * session ARNs, {@code {"Service": ...}} and the other types by exact name.
 *
 * <p>Naming an account does not grant its users anything by itself: within one account it hands the
 * decision to their identity-based policies ({@link Match#ACCOUNT}); only {@code "*"} or the
 * caller's own ARN grant directly. A role's ARN grants its sessions through their session policy
 * ({@link Match#ROLE}).
 */
final class Principals {

    enum Match {
        NONE, ACCOUNT, ROLE, DIRECT
    }

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern IAM_ARN = Pattern.compile("arn:aws[a-z-]*:(iam|sts)::\\d{12}:.+");

    private final boolean anyone;
    private final Set<String> accounts = new HashSet<>();
    private final Set<String> names = new HashSet<>();

    private Principals(boolean anyone) {
        this.anyone = anyone;
    }

    static Principals anyone() {
        return new Principals(true);
    }

    /** @param byType principal type ({@code AWS}, {@code Service}, ...) to its values */
    static Principals of(Map<String, List<String>> byType) {
        boolean anyone = byType.getOrDefault("AWS", List.of()).contains("*");
        Principals p = new Principals(anyone);
        for (Map.Entry<String, List<String>> e : byType.entrySet()) {
            for (String value : e.getValue()) {
                if (e.getKey().equals("AWS")) {
                    p.addAws(value);
                } else if (value.isEmpty()) {
                    throw MalformedPolicyException.invalidPrincipal(e.getKey(), value);
                } else {
                    p.names.add(value);
                }
            }
        }
        return p;
    }

    private void addAws(String value) {
        if (value.equals("*")) {
            return;
        }
        if (ACCOUNT_ID.matcher(value).matches()) {
            accounts.add(value);
        } else if (IAM_ARN.matcher(value).matches()) {
            String[] parts = Arns.split(value, Arns.PARTS);
            if (parts[5].equals("root")) {
                accounts.add(parts[4]);
            } else {
                names.add(value);
            }
        } else {
            throw MalformedPolicyException.invalidPrincipal("AWS", value);
        }
    }

    Match match(AuthorizationRequest request) {
        String caller = request.principalArn();
        if (anyone || names.contains(caller)) {
            return Match.DIRECT;
        }
        String account = request.account();
        if (account != null && accounts.contains(account)) {
            return caller.endsWith(":root") ? Match.DIRECT : Match.ACCOUNT;
        }
        if (request.roleArn() != null && names.contains(request.roleArn())) {
            return Match.ROLE;
        }
        return Match.NONE;
    }

    /**
     * For {@code NotPrincipal}: is the caller one of the listed principals? Matching is exact, as
     * IAM's: an account excludes only its root, a role only itself (list its sessions too).
     */
    boolean lists(AuthorizationRequest request) {
        String caller = request.principalArn();
        if (anyone || names.contains(caller)) {
            return true;
        }
        return caller.endsWith(":root") && request.account() != null && accounts.contains(request.account());
    }
}
