package io.modyn.engine.expr;

/** The kinds of token in DynamoDB's expression language. */
enum TokenType {
    IDENTIFIER,     // attribute names, keywords and function names
    NAME_REF,       // #name
    VALUE_REF,      // :value
    NUMBER,         // list index digits
    EQ, NE, LT, LE, GT, GE,
    LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT, PLUS, MINUS,
    EOF
}
