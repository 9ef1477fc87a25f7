package io.modyn.auth.iam.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A {@code Resource} or condition value that may hold policy variables (version 2012-10-17 only):
 * {@code ${aws:username}}, {@code ${aws:PrincipalTag/team}}, with a default {@code ${aws:username,
 * 'nobody'}} (a quote inside the default is doubled), and the escapes {@code ${*}}, {@code ${?}},
 * {@code ${$}} for a literal {@code *}, {@code ?}, {@code $}. A variable's key name is
 * case-insensitive. Substituted text is literal: a user named {@code a*} does not become a wildcard.
 * A variable whose key is absent or multivalued has no value; without a default the whole value
 * then matches nothing (IAM: "there is no equal or like value"), so {@link #resolve} returns null.
 * Text that is not a well-formed variable stays as written. Values without variables are compiled
 * once.
 */
final class PolicyTemplate {

    private final String source;
    private final WildcardPattern constant;
    private final List<Object> parts;

    private PolicyTemplate(String source, WildcardPattern constant, List<Object> parts) {
        this.source = source;
        this.constant = constant;
        this.parts = parts;
    }

    private static final class Variable {
        final String key;
        final String defaultValue;

        Variable(String key, String defaultValue) {
            this.key = key;
            this.defaultValue = defaultValue;
        }
    }

    /** A literal character that came from an escape. */
    private static final class Escaped {
        final char c;

        Escaped(char c) {
            this.c = c;
        }
    }

    static PolicyTemplate compile(String source, boolean variablesEnabled) {
        if (!variablesEnabled || !source.contains("${")) {
            return new PolicyTemplate(source, WildcardPattern.of(source), null);
        }
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            int open = source.indexOf("${", i);
            if (open < 0) {
                text.append(source, i, source.length());
                break;
            }
            text.append(source, i, open);
            int close = closingBrace(source, open + 2);
            Object part = close < 0 ? null : parseVariable(source.substring(open + 2, close));
            if (part == null) {
                text.append("${");
                i = open + 2;
                continue;
            }
            if (text.length() > 0) {
                parts.add(text.toString());
                text.setLength(0);
            }
            parts.add(part);
            i = close + 1;
        }
        if (text.length() > 0) {
            parts.add(text.toString());
        }
        boolean hasVariable = parts.stream().anyMatch(Variable.class::isInstance);
        PolicyTemplate template = new PolicyTemplate(source, null, parts);
        return hasVariable ? template : new PolicyTemplate(source, template.assemble(null), null);
    }

    /** The closing brace, skipping a quoted default value (where '' is a quote). */
    private static int closingBrace(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static Object parseVariable(String body) {
        String trimmed = body.trim();
        if (trimmed.equals("*") || trimmed.equals("?") || trimmed.equals("$")) {
            return new Escaped(trimmed.charAt(0));
        }
        int comma = trimmed.indexOf(',');
        String key = (comma < 0 ? trimmed : trimmed.substring(0, comma)).trim();
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        String defaultValue = null;
        if (comma >= 0) {
            String quoted = trimmed.substring(comma + 1).trim();
            if (quoted.length() < 2 || quoted.charAt(0) != '\'' || quoted.charAt(quoted.length() - 1) != '\'') {
                return null;
            }
            String inner = quoted.substring(1, quoted.length() - 1);
            if (inner.replace("''", "").indexOf('\'') >= 0) {
                return null;
            }
            defaultValue = inner.replace("''", "'");
        }
        return new Variable(key.toLowerCase(Locale.ROOT), defaultValue);
    }

    boolean isConstant() {
        return constant != null;
    }

    /** The pattern for this request, or null when a variable has no value and no default. */
    WildcardPattern resolve(AuthorizationRequest request) {
        return constant != null ? constant : assemble(request);
    }

    private WildcardPattern assemble(AuthorizationRequest request) {
        StringBuilder text = new StringBuilder(source.length() + 16);
        BitSet wildcards = new BitSet();
        for (Object part : parts) {
            if (part instanceof String) {
                String literal = (String) part;
                for (int k = 0; k < literal.length(); k++) {
                    char c = literal.charAt(k);
                    if (c == '*' || c == '?') {
                        wildcards.set(text.length());
                    }
                    text.append(c);
                }
            } else if (part instanceof Escaped) {
                text.append(((Escaped) part).c);
            } else {
                Variable v = (Variable) part;
                String value = request == null ? null : request.variable(v.key);
                if (value == null) {
                    value = v.defaultValue;
                }
                if (value == null) {
                    return null;
                }
                text.append(value);
            }
        }
        return WildcardPattern.of(text.toString(), wildcards);
    }

    @Override
    public String toString() {
        return source;
    }
}
