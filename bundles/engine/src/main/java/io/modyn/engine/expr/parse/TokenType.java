package io.modyn.engine.expr.parse;

/** The kinds of token in DynamoDB's expression language. */
public enum TokenType {
    /** Attribute names, keywords and function names: a letter, then letters, digits or '_'. */
    IDENTIFIER,
    /** {@code #name}: a placeholder from ExpressionAttributeNames. */
    NAME_REF,
    /** {@code :value}: a placeholder from ExpressionAttributeValues. */
    VALUE_REF,
    /** Digits; only meaningful as a list index. */
    NUMBER,
    EQ, NE, LT, LE, GT, GE,
    LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT, PLUS, MINUS,
    /** A character no token starts with; reported as a syntax error where the parser meets it. */
    INVALID,
    EOF
}
