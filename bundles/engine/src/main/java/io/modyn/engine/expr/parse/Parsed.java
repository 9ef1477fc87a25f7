package io.modyn.engine.expr.parse;

/**
 * A syntax tree as the grammar produced it, with the one finding the grammar leaves for later:
 * redundant parentheses are an error only once the whole text has parsed, since DynamoDB reports
 * any syntax error first.
 */
public record Parsed<T>(T tree, boolean redundantParentheses) {
}
