package io.modyn.engine.partiql.parse;

/** The kinds of PartiQL tokens. Keywords are identifiers; the parser compares them case-insensitively. */
public enum TokenKind {
    IDENTIFIER, QUOTED_IDENTIFIER, STRING, NUMBER, ION, PARAMETER,
    LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, LEFT_BRACE, RIGHT_BRACE, BAG_OPEN, BAG_CLOSE,
    COMMA, DOT, COLON, SEMICOLON, STAR, PLUS, MINUS, EQ, NE, LT, LE, GT, GE,
    END
}
