package io.modyn.auth.iam.policy;

import java.util.List;

/**
 * An IAM policy document, validated and compiled once: its statements hold ready matchers, so
 * evaluating it against a request only compares strings. Immutable and thread-safe; keep one per
 * stored policy version and share it.
 *
 * <pre>{@code
 * PolicyDocument p = PolicyDocument.parse(json, PolicyKind.IDENTITY); // MalformedPolicyException
 * }</pre>
 *
 * <p>Version {@code 2012-10-17} enables policy variables; under {@code 2008-10-17} (or no Version)
 * {@code ${...}} is plain text, as IAM treats it.
 */
public final class PolicyDocument {

    /** Bits of {@link #evaluate}. */
    static final int DENIES = 1;
    static final int ALLOWS = 2;
    static final int ALLOWS_THROUGH_ROLE = 4;
    static final int ALLOWS_ACCOUNT = 8;

    private final String json;
    private final PolicyKind kind;
    private final String version;
    private final Statement[] statements;
    private final boolean requestDependent;

    PolicyDocument(String json, PolicyKind kind, String version, List<Statement> statements) {
        this.json = json;
        this.kind = kind;
        this.version = version;
        this.statements = statements.toArray(new Statement[0]);
        this.requestDependent = statements.stream().anyMatch(Statement::isRequestDependent);
    }

    /**
     * @param kind where the document is attached (decides whether a Principal is required or refused)
     * @throws MalformedPolicyException with IAM's message when IAM would refuse the document
     */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        return PolicyParser.parse(json, kind);
    }

    /** The document as given, for GetPolicyVersion and friends. */
    public String json() {
        return json;
    }

    public PolicyKind kind() {
        return kind;
    }

    /** {@code 2012-10-17}, {@code 2008-10-17}, or null when the document has no Version. */
    public String version() {
        return version;
    }

    public int statementCount() {
        return statements.length;
    }

    /**
     * Whether a decision may depend on more than principal, action and resource (conditions or
     * policy variables): only decisions over policies where this is false may be cached by
     * principal/action/resource.
     */
    public boolean isRequestDependent() {
        return requestDependent;
    }

    /**
     * {@link #DENIES} if a Deny statement applies; {@link #ALLOWS} if an Allow statement applies and
     * covers the caller directly; {@link #ALLOWS_THROUGH_ROLE} if it covers the caller's role only;
     * {@link #ALLOWS_ACCOUNT} if it names the caller's account only, which grants nothing by itself
     * (identity-based policies decide) but is what a required policy (a KMS key policy) must do before
     * identity-based policies count. A Deny naming the account applies. Stops at the first deny.
     */
    int evaluate(AuthorizationRequest request) {
        int result = 0;
        for (Statement s : statements) {
            boolean deny = s.effect() == Effect.DENY;
            if (!deny && (result & ALLOWS) != 0) {
                continue;
            }
            if (!s.appliesTo(request)) {
                continue;
            }
            Principals.Match match = s.principalMatch(request);
            if (match == Principals.Match.NONE) {
                continue;
            }
            if (deny) {
                return result | DENIES;
            }
            if (match == Principals.Match.DIRECT) {
                result |= ALLOWS;
            } else if (match == Principals.Match.ROLE) {
                result |= ALLOWS_THROUGH_ROLE;
            } else {
                result |= ALLOWS_ACCOUNT;
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return json;
    }
}
