package io.modyn.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.model.AttributeValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void splitsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
        CsvRecords records = new CsvRecords(new StringReader("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",,x\n\nlast"), ',');
        assertEquals(List.of("a", "b,c", "say \"hi\""), records.next().fields());
        CsvRecords.CsvRecord second = records.next();
        assertEquals(List.of("multi\nline", "", "x"), second.fields());
        assertEquals(2, second.line());
        CsvRecords.CsvRecord third = records.next();
        assertEquals(List.of("last"), third.fields());
        assertEquals(5, third.line());
        assertNull(records.next());
    }

    @Test
    void usesTheGivenDelimiter() throws IOException {
        CsvRecords records = new CsvRecords(new StringReader("a|b,c|\"d|e\"\n"), '|');
        assertEquals(List.of("a", "b,c", "d|e"), records.next().fields());
    }

    @Test
    void firstLineIsTheHeaderUnlessAHeaderListIsGiven() throws IOException {
        String csv = "id;name;score\n1;ann;7\nbad line\n2;;9\n";
        ItemSource fromFile = ItemSource.csv(stream(csv), ';', null, Map.of("id", "N"));
        assertEquals(Map.of("id", AttributeValue.n("1"), "name", AttributeValue.s("ann"), "score", AttributeValue.s("7")),
                fromFile.next().item());
        ItemSource.Entry bad = fromFile.next();
        assertNull(bad.item());
        assertEquals(3, bad.line());
        assertEquals(Map.of("id", AttributeValue.n("2"), "score", AttributeValue.s("9")), fromFile.next().item());
        assertNull(fromFile.next());

        ItemSource withHeader = ItemSource.csv(stream("x;y;z\n"), ';', List.of("id", "a", "b"), Map.of("id", "S"));
        assertEquals(Map.of("id", AttributeValue.s("x"), "a", AttributeValue.s("y"), "b", AttributeValue.s("z")), withHeader.next().item());
    }

    @Test
    void aKeyThatIsNotANumberIsABadLine() throws IOException {
        ItemSource source = ItemSource.csv(stream("id\nabc\n"), ',', null, Map.of("id", "N"));
        ItemSource.Entry entry = source.next();
        assertNull(entry.item());
        assertEquals("attribute id is not a number: abc", entry.error());
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
