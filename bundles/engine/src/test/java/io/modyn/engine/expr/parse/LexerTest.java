package io.modyn.engine.expr.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<String> kinds(String text) {
        return Lexer.tokenize(text).stream().map(t -> t.type() + ":" + t.text()).toList();
    }

    @Test
    void splitsOperatorsNamesAndPlaceholders() {
        assertEquals(List.of("IDENTIFIER:a", "DOT:.", "NAME_REF:#b", "LBRACKET:[", "NUMBER:3", "RBRACKET:]", "LE:<=", "VALUE_REF::v", "EOF:<EOF>"),
                kinds("a.#b[3] <= :v"));
        assertEquals(List.of("IDENTIFIER:a", "NE:<>", "IDENTIFIER:b", "GE:>=", "IDENTIFIER:c", "EOF:<EOF>"), kinds("a<>b>=c"));
    }

    /** Alternator's tests against DynamoDB: bare names start with a letter, placeholders need not. */
    @Test
    void bareNamesStartWithALetterWhilePlaceholdersMayStartWithADigit() {
        assertEquals(List.of("INVALID:_", "NUMBER:123", "EOF:<EOF>"), kinds("_123"));
        assertEquals(List.of("NAME_REF:#123a", "VALUE_REF::_", "EOF:<EOF>"), kinds("#123a :_"));
        assertEquals(List.of("IDENTIFIER:A123_", "EOF:<EOF>"), kinds("A123_"));
    }

    @Test
    void aLonePlaceholderSignAndStrayCharactersAreInvalidTokens() {
        assertEquals(List.of("INVALID:#", "EQ:=", "INVALID:!", "IDENTIFIER:x", "EOF:<EOF>"), kinds("# = !x"));
        assertEquals(List.of("INVALID:\uD83D\uDE00", "EOF:<EOF>"), kinds("\uD83D\uDE00"));
    }
}
