package io.modyn.auth.iam.policy;

import java.util.List;

/**
 * One compiled statement: which requests it applies to (action, resource, principal, conditions)
 * and its effect. Actions compare case-insensitively (service prefix and name); resources compare
 * case-sensitively part by part; {@code NotAction}/{@code NotResource}/{@code NotPrincipal} apply to
 * everything they do not list. A trust policy's statements have no resource and match any.
 */
final class Statement {

    private final String sid;
    private final Effect effect;
    private final WildcardPattern[] actions;
    private final boolean notAction;
    private final PolicyTemplate[] resources;
    private final WildcardPattern[][] constantResourceParts;
    private final boolean notResource;
    private final Principals principals;
    private final boolean notPrincipal;
    private final Condition[] conditions;
    private final boolean requestDependent;

    Statement(String sid, Effect effect, List<String> actions, boolean notAction, List<String> resources,
            boolean notResource, Principals principals, boolean notPrincipal, List<Condition> conditions,
            boolean variablesEnabled) {
        this.sid = sid;
        this.effect = effect;
        this.actions = actions.stream().map(a -> WildcardPattern.of(a).lowerCase()).toArray(WildcardPattern[]::new);
        this.notAction = notAction;
        this.resources = resources == null ? null
                : resources.stream().map(r -> PolicyTemplate.compile(r, variablesEnabled)).toArray(PolicyTemplate[]::new);
        this.constantResourceParts = this.resources == null ? null : new WildcardPattern[this.resources.length][];
        boolean variables = false;
        if (this.resources != null) {
            for (int i = 0; i < this.resources.length; i++) {
                if (this.resources[i].isConstant()) {
                    constantResourceParts[i] = this.resources[i].resolve(null).arnParts();
                } else {
                    variables = true;
                }
            }
        }
        this.notResource = notResource;
        this.principals = principals;
        this.notPrincipal = notPrincipal;
        this.conditions = conditions.toArray(new Condition[0]);
        this.requestDependent = variables || !conditions.isEmpty();
    }

    String sid() {
        return sid;
    }

    Effect effect() {
        return effect;
    }

    boolean isRequestDependent() {
        return requestDependent;
    }

    /** Action, resource and conditions, not the principal. */
    boolean appliesTo(AuthorizationRequest request) {
        if (matchesAction(request.actionLowerCase()) == notAction) {
            return false;
        }
        if (resources != null && matchesResource(request) == notResource) {
            return false;
        }
        for (Condition c : conditions) {
            if (!c.holds(request)) {
                return false;
            }
        }
        return true;
    }

    /** How the statement's Principal/NotPrincipal covers the caller (identity policies name none: DIRECT). */
    Principals.Match principalMatch(AuthorizationRequest request) {
        if (principals == null) {
            return Principals.Match.DIRECT;
        }
        if (notPrincipal) {
            return principals.lists(request) ? Principals.Match.NONE : Principals.Match.DIRECT;
        }
        return principals.match(request);
    }

    private boolean matchesAction(String action) {
        for (WildcardPattern p : actions) {
            if (p.matches(action)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesResource(AuthorizationRequest request) {
        for (int i = 0; i < resources.length; i++) {
            WildcardPattern[] parts = constantResourceParts[i];
            if (parts == null) {
                WildcardPattern resolved = resources[i].resolve(request);
                if (resolved == null) {
                    continue;
                }
                parts = resolved.arnParts();
            }
            if (Arns.matches(parts, request.resourceParts(parts.length))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return (sid == null ? "" : sid + " ") + effect;
    }
}
