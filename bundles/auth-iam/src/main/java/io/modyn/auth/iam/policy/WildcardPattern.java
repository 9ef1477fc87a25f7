package io.modyn.auth.iam.policy;

import java.util.BitSet;

/**
 * A glob as IAM matches them: {@code *} any run of characters (also none), {@code ?} exactly one
 * character, everything else literal and case-sensitive (callers lower-case both sides where IAM
 * ignores case, as for actions). A {@code *} or {@code ?} that came from a policy variable or from
 * the escapes {@code ${*}} and {@code ${?}} is literal, so which characters are wildcards is kept
 * apart from the text. Immutable; the common shapes (no wildcard, a lone {@code *}, a prefix and
 * a final {@code *}) skip the general matcher.
 */
final class WildcardPattern {

    private static final int ANY = 0;
    private static final int EXACT = 1;
    private static final int PREFIX = 2;
    private static final int GLOB = 3;

    private final String text;
    private final BitSet wildcards;
    private final int shape;
    private final String prefix;

    private WildcardPattern(String text, BitSet wildcards) {
        this.text = text;
        this.wildcards = wildcards;
        int count = wildcards.cardinality();
        if (count == 0) {
            shape = EXACT;
        } else if (text.length() == 1 && text.charAt(0) == '*') {
            shape = ANY;
        } else if (count == 1 && wildcards.get(text.length() - 1) && text.charAt(text.length() - 1) == '*') {
            shape = PREFIX;
        } else {
            shape = GLOB;
        }
        prefix = shape == PREFIX ? text.substring(0, text.length() - 1) : null;
    }

    /** Every {@code *} and {@code ?} in the text is a wildcard. */
    static WildcardPattern of(String text) {
        BitSet wildcards = new BitSet(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                wildcards.set(i);
            }
        }
        return new WildcardPattern(text, wildcards);
    }

    /** Only the positions set in {@code wildcards} (holding {@code *} or {@code ?}) are wildcards. */
    static WildcardPattern of(String text, BitSet wildcards) {
        return new WildcardPattern(text, (BitSet) wildcards.clone());
    }

    /** The text with every character literal, as StringEquals compares it. */
    String text() {
        return text;
    }

    WildcardPattern lowerCase() {
        return new WildcardPattern(lowerCase(text), wildcards);
    }

    /** Lower case character by character, so positions (and so the wildcard marks) stay put. */
    static String lowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    boolean matches(String s) {
        switch (shape) {
            case ANY:
                return true;
            case EXACT:
                return text.equals(s);
            case PREFIX:
                return s.startsWith(prefix);
            default:
                return glob(s);
        }
    }

    private boolean glob(String s) {
        int p = 0;
        int i = 0;
        int star = -1;
        int resume = 0;
        int m = text.length();
        int n = s.length();
        while (i < n) {
            if (p < m && isStar(p)) {
                star = p++;
                resume = i;
            } else if (p < m && (text.charAt(p) == s.charAt(i) && !wildcards.get(p) || isQuestion(p))) {
                p++;
                i++;
            } else if (star >= 0) {
                p = star + 1;
                i = ++resume;
            } else {
                return false;
            }
        }
        while (p < m && isStar(p)) {
            p++;
        }
        return p == m;
    }

    private boolean isStar(int p) {
        return wildcards.get(p) && text.charAt(p) == '*';
    }

    private boolean isQuestion(int p) {
        return wildcards.get(p) && text.charAt(p) == '?';
    }

    /**
     * The ARN's colon-separated parts, at most six (the sixth, the resource, keeps its colons):
     * IAM compares each part separately, so a wildcard never spans a colon before the resource.
     */
    WildcardPattern[] arnParts() {
        WildcardPattern[] parts = new WildcardPattern[Arns.PARTS];
        int start = 0;
        int count = 0;
        while (count < Arns.PARTS - 1) {
            int colon = text.indexOf(':', start);
            if (colon < 0) {
                break;
            }
            parts[count++] = new WildcardPattern(text.substring(start, colon), wildcards.get(start, colon));
            start = colon + 1;
        }
        parts[count++] = new WildcardPattern(text.substring(start), wildcards.get(start, text.length()));
        return count == parts.length ? parts : java.util.Arrays.copyOf(parts, count);
    }

    @Override
    public String toString() {
        return text;
    }
}
