package io.modyn.auth.iam.policy;

import io.modyn.auth.iam.policy.ConditionOperator.Comparison;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The values of one condition key under one operator, parsed once when the policy is compiled, and
 * the test of a request value against them: does it stand in the operator's relation to at least
 * one of them (several values in a condition are alternatives)? The test answers {@link #MATCH},
 * {@link #NO_MATCH}, or {@link #INVALID} for a request value the operator cannot read (a number
 * that is not one, a malformed date or address); an invalid value satisfies neither the operator
 * nor its negation. Policy values the operator cannot read never match.
 */
abstract class ConditionValues {

    static final int MATCH = 1;
    static final int NO_MATCH = 0;
    static final int INVALID = -1;

    /** One request value against the policy values, for one request. */
    @FunctionalInterface
    interface ValueTest {
        int test(String requestValue);
    }

    /** The test for this request: policy variables are substituted here, once. */
    abstract ValueTest bind(AuthorizationRequest request);

    static ConditionValues compile(ConditionOperator op, List<String> values, boolean variablesEnabled) {
        switch (op.family) {
            case STRING:
            case STRING_IGNORE_CASE:
            case STRING_LIKE:
            case ARN:
                return new Templates(op.family, values, variablesEnabled);
            case NUMERIC:
                return new Ordered<>(op.comparison, parseAll(values, ConditionValues::number), ConditionValues::number);
            case DATE:
                return new Ordered<>(op.comparison, parseAll(values, IamDates::epochMillis), IamDates::epochMillis);
            case BOOL:
                return new Bools(values);
            case BINARY:
                return new Binaries(values);
            case IP:
                return new Addresses(values);
            default:
                throw new IllegalArgumentException("Null is checked by Condition itself");
        }
    }

    private interface Reader<T> {
        /** @return the value read, or null if unreadable */
        T read(String text);
    }

    private static <T> List<T> parseAll(List<String> texts, Reader<T> reader) {
        List<T> parsed = new ArrayList<>(texts.size());
        for (String t : texts) {
            T v = reader.read(t);
            if (v != null) {
                parsed.add(v);
            }
        }
        return parsed;
    }

    static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** String, StringEqualsIgnoreCase, StringLike and Arn values: templates with policy variables. */
    private static final class Templates extends ConditionValues {

        private final ConditionOperator.Family family;
        private final PolicyTemplate[] templates;
        private final ValueTest constantTest;

        Templates(ConditionOperator.Family family, List<String> values, boolean variablesEnabled) {
            this.family = family;
            this.templates = values.stream()
                    .map(v -> PolicyTemplate.compile(v, variablesEnabled && family.takesVariables()))
                    .toArray(PolicyTemplate[]::new);
            this.constantTest = Arrays.stream(templates).allMatch(PolicyTemplate::isConstant) ? testFor(null) : null;
        }

        @Override
        ValueTest bind(AuthorizationRequest request) {
            return constantTest != null ? constantTest : testFor(request);
        }

        private ValueTest testFor(AuthorizationRequest request) {
            List<WildcardPattern> resolved = new ArrayList<>(templates.length);
            for (PolicyTemplate t : templates) {
                WildcardPattern p = t.resolve(request);
                if (p != null) {
                    resolved.add(p);
                }
            }
            switch (family) {
                case STRING: {
                    String[] texts = resolved.stream().map(WildcardPattern::text).toArray(String[]::new);
                    return v -> {
                        for (String t : texts) {
                            if (t.equals(v)) {
                                return MATCH;
                            }
                        }
                        return NO_MATCH;
                    };
                }
                case STRING_IGNORE_CASE: {
                    String[] texts = resolved.stream().map(WildcardPattern::text).toArray(String[]::new);
                    return v -> {
                        for (String t : texts) {
                            if (t.equalsIgnoreCase(v)) {
                                return MATCH;
                            }
                        }
                        return NO_MATCH;
                    };
                }
                case STRING_LIKE: {
                    WildcardPattern[] patterns = resolved.toArray(new WildcardPattern[0]);
                    return v -> {
                        for (WildcardPattern p : patterns) {
                            if (p.matches(v)) {
                                return MATCH;
                            }
                        }
                        return NO_MATCH;
                    };
                }
                default: {
                    WildcardPattern[][] arns = resolved.stream().map(WildcardPattern::arnParts).toArray(WildcardPattern[][]::new);
                    return v -> {
                        for (WildcardPattern[] arn : arns) {
                            if (Arns.matches(arn, v)) {
                                return MATCH;
                            }
                        }
                        return NO_MATCH;
                    };
                }
            }
        }
    }

    /** Numeric and Date values: compared in order. */
    private static final class Ordered<T extends Comparable<T>> extends ConditionValues {

        private final ValueTest test;

        Ordered(Comparison comparison, List<T> policyValues, Reader<T> reader) {
            this.test = v -> {
                T value = reader.read(v);
                if (value == null) {
                    return INVALID;
                }
                for (T p : policyValues) {
                    if (comparison.holds(value.compareTo(p))) {
                        return MATCH;
                    }
                }
                return NO_MATCH;
            };
        }

        @Override
        ValueTest bind(AuthorizationRequest request) {
            return test;
        }
    }

    private static final class Bools extends ConditionValues {

        private final ValueTest test;

        Bools(List<String> values) {
            boolean acceptsTrue = values.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            boolean acceptsFalse = values.stream().anyMatch(v -> v.equalsIgnoreCase("false"));
            this.test = v -> {
                if (v.equalsIgnoreCase("true")) {
                    return acceptsTrue ? MATCH : NO_MATCH;
                }
                if (v.equalsIgnoreCase("false")) {
                    return acceptsFalse ? MATCH : NO_MATCH;
                }
                return INVALID;
            };
        }

        @Override
        ValueTest bind(AuthorizationRequest request) {
            return test;
        }
    }

    /** BinaryEquals: the request value (base64, as the context carries binary keys) byte for byte. */
    private static final class Binaries extends ConditionValues {

        private final ValueTest test;

        Binaries(List<String> values) {
            List<byte[]> decoded = parseAll(values, Binaries::decode);
            this.test = v -> {
                byte[] bytes = decode(v);
                if (bytes == null) {
                    return INVALID;
                }
                for (byte[] p : decoded) {
                    if (Arrays.equals(p, bytes)) {
                        return MATCH;
                    }
                }
                return NO_MATCH;
            };
        }

        private static byte[] decode(String text) {
            try {
                return Base64.getDecoder().decode(text.trim());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        ValueTest bind(AuthorizationRequest request) {
            return test;
        }
    }

    private static final class Addresses extends ConditionValues {

        private final ValueTest test;

        Addresses(List<String> values) {
            List<IpRange> ranges = parseAll(values, IpRange::parse);
            this.test = v -> {
                byte[] address = IpRange.parseAddress(v.trim().toLowerCase(Locale.ROOT));
                if (address == null) {
                    return INVALID;
                }
                for (IpRange r : ranges) {
                    if (r.contains(address)) {
                        return MATCH;
                    }
                }
                return NO_MATCH;
            };
        }

        @Override
        ValueTest bind(AuthorizationRequest request) {
            return test;
        }
    }
}
