package io.modyn.itests.support.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random expressions in DynamoDB's expression grammar (conditions, projections, updates), built from
 * the grammar's productions over a small vocabulary of paths and placeholders, and random token
 * mutations of them: the valid ones reach the evaluator, the mutated ones the parser's error paths.
 *
 * <p>The vocabulary is fixed: names {@code a n s l m b t ss ns}, document paths into {@code m} and
 * {@code l}, name placeholders {@code #n1 #n2}, value placeholders {@code :v1}..{@code :v6}. The
 * test supplies values for those placeholders.
 */
public final class ExpressionFuzzer {

    private static final String[] NAMES = {"a", "n", "s", "l", "m", "b", "t", "ss", "ns", "missing", "#n1", "#n2"};
    private static final String[] NESTED = {"m.x", "m.y.z", "l[0]", "l[2].k", "m.list[1]", "#n2.x", "l[99]"};
    private static final String[] VALUES = {":v1", ":v2", ":v3", ":v4", ":v5", ":v6"};
    private static final String[] COMPARATORS = {"=", "<>", "<", "<=", ">", ">="};
    /** Tokens a mutation inserts: grammar pieces in the wrong place and characters outside the grammar. */
    private static final String[] NOISE = {"(", ")", "((", "))", "[", "]", "[0]", "[-1]", "[99999999999999]", ".", ",",
            "=", "<", ">", "<>", ":", "#", "AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE",
            "size(", "attribute_exists(", "if_not_exists(", "list_append(", "begins_with", "status", "name", ":undefined",
            "#undefined", "0", "1.5", "\"text\"", "'", ";", "\u00fc", "\u0000", "$", "+", "-", "*", "a..b", "a.[0]", ""};
    private static final Pattern TOKEN = Pattern.compile("\\s+|[A-Za-z_#:][A-Za-z0-9_]*|\\d+|<>|<=|>=|.");

    private final Random random;

    public ExpressionFuzzer(Random random) {
        this.random = random;
    }

    /** A condition of nesting depth at most {@code depth}. */
    public String condition(int depth) {
        if (depth <= 0) return simpleCondition();
        return switch (random.nextInt(6)) {
            case 0 -> condition(depth - 1) + " AND " + condition(depth - 1);
            case 1 -> condition(depth - 1) + " OR " + condition(depth - 1);
            case 2 -> "NOT " + condition(depth - 1);
            case 3 -> "(" + condition(depth - 1) + ")";
            default -> simpleCondition();
        };
    }

    /** A ProjectionExpression of one to four paths. */
    public String projection() {
        List<String> paths = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) paths.add(path());
        return String.join(", ", paths);
    }

    /** An UpdateExpression with one to four clauses, each used at most once. */
    public String update() {
        List<String> clauses = new ArrayList<>(List.of("SET", "REMOVE", "ADD", "DELETE"));
        Collections.shuffle(clauses, random);
        StringBuilder expression = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (String clause : clauses.subList(0, count)) {
            if (expression.length() > 0) expression.append(' ');
            expression.append(clause).append(' ').append(actions(clause));
        }
        return expression.toString();
    }

    /** A key condition on {@code pk} and perhaps {@code sk}. */
    public String keyCondition() {
        String partition = "pk = :pk";
        return switch (random.nextInt(5)) {
            case 0 -> partition;
            case 1 -> partition + " AND sk " + pick(COMPARATORS) + " :v1";
            case 2 -> partition + " AND sk BETWEEN :v1 AND :v5";
            case 3 -> partition + " AND begins_with(sk, :v2)";
            default -> partition + " AND " + simpleCondition();
        };
    }

    /** {@code expression} with one to three random token edits. */
    public String mutate(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(expression);
        while (matcher.find()) tokens.add(matcher.group());
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = tokens.isEmpty() ? 0 : random.nextInt(tokens.size());
            switch (random.nextInt(6)) {
                case 0 -> { if (!tokens.isEmpty()) tokens.remove(at); }
                case 1 -> { if (!tokens.isEmpty()) tokens.add(at, tokens.get(at)); }
                case 2 -> tokens.add(at, " " + pick(NOISE) + " ");
                case 3 -> { if (!tokens.isEmpty()) tokens.set(at, pick(NOISE)); }
                case 4 -> { if (tokens.size() > 1) tokens.subList(at, tokens.size()).clear(); }
                default -> {
                    if (tokens.size() > 1 && at + 1 < tokens.size()) {
                        String swapped = tokens.get(at);
                        tokens.set(at, tokens.get(at + 1));
                        tokens.set(at + 1, swapped);
                    }
                }
            }
        }
        return String.join("", tokens);
    }

    private String simpleCondition() {
        return switch (random.nextInt(10)) {
            case 0 -> operand() + " " + pick(COMPARATORS) + " " + operand();
            case 1 -> path() + " BETWEEN " + pick(VALUES) + " AND " + pick(VALUES);
            case 2 -> path() + " IN (" + valueList(1 + random.nextInt(5)) + ")";
            case 3 -> "attribute_exists(" + path() + ")";
            case 4 -> "attribute_not_exists(" + path() + ")";
            case 5 -> "attribute_type(" + path() + ", :v6)";
            case 6 -> "begins_with(" + path() + ", " + pick(VALUES) + ")";
            case 7 -> "contains(" + path() + ", " + operand() + ")";
            case 8 -> "size(" + path() + ") " + pick(COMPARATORS) + " " + operand();
            default -> path() + " = " + pick(VALUES);
        };
    }

    private String actions(String clause) {
        List<String> actions = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            actions.add(switch (clause) {
                case "SET" -> path() + " = " + setValue();
                case "REMOVE" -> path();
                default -> path() + " " + pick(VALUES);
            });
        }
        return String.join(", ", actions);
    }

    private String setValue() {
        return switch (random.nextInt(5)) {
            case 0 -> operand() + " + " + operand();
            case 1 -> operand() + " - " + operand();
            case 2 -> "if_not_exists(" + path() + ", " + pick(VALUES) + ")";
            case 3 -> "list_append(" + operand() + ", " + operand() + ")";
            default -> operand();
        };
    }

    private String operand() {
        return random.nextBoolean() ? path() : pick(VALUES);
    }

    private String path() {
        return random.nextInt(3) == 0 ? pick(NESTED) : pick(NAMES);
    }

    private String valueList(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) values.add(pick(VALUES));
        return String.join(", ", values);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
