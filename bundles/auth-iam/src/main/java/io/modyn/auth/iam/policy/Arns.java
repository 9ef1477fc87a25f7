package io.modyn.auth.iam.policy;

/**
 * ARN matching as IAM does it for {@code Resource}, {@code NotResource} and the Arn condition
 * operators: the six colon-separated parts ({@code arn:partition:service:region:account:resource})
 * are compared one by one, each with {@code *} and {@code ?}; a pattern of fewer parts lets its last
 * part cover the rest. ArnEquals and ArnLike therefore behave alike, as AWS documents.
 */
final class Arns {

    static final int PARTS = 6;

    private Arns() {
    }

    /** {@code value} split like a pattern of {@code count} parts; shorter if it has fewer colons. */
    static String[] split(String value, int count) {
        String[] parts = new String[count];
        int start = 0;
        int n = 0;
        while (n < count - 1) {
            int colon = value.indexOf(':', start);
            if (colon < 0) {
                break;
            }
            parts[n++] = value.substring(start, colon);
            start = colon + 1;
        }
        parts[n++] = value.substring(start);
        return n == count ? parts : java.util.Arrays.copyOf(parts, n);
    }

    static boolean matches(WildcardPattern[] pattern, String[] valueParts) {
        if (valueParts.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].matches(valueParts[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(WildcardPattern[] pattern, String value) {
        return matches(pattern, split(value, pattern.length));
    }
}
