package io.modyn.export.format;

import io.modyn.api.model.AttributeValue;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The items of one import file, one entry per line (or CSV record): the item, or why the line is
 * not one. A bad line does not stop the file; only an unreadable file does.
 */
public interface ItemSource extends Closeable {

    /** One line's outcome: exactly one of {@code item} and {@code error} is set. */
    record Entry(Map<String, AttributeValue> item, String error, long line, long bytes) {
    }

    /** The next entry, or null at the end of the file. */
    Entry next() throws IOException;

    /** DYNAMODB_JSON or ION: one item a line. */
    static ItemSource lines(InputStream in, Function<String, Map<String, AttributeValue>> parser) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        return new ItemSource() {
            private long line;

            @Override
            public Entry next() throws IOException {
                String text;
                do {
                    text = reader.readLine();
                    line++;
                    if (text == null) return null;
                } while (text.isBlank());
                long bytes = text.getBytes(StandardCharsets.UTF_8).length + 1L;
                try {
                    return new Entry(parser.apply(text), null, line, bytes);
                } catch (IllegalArgumentException e) {
                    return new Entry(null, e.getMessage(), line, bytes);
                }
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /** CSV: the header from {@code headerList} if given, else the file's first record. */
    static ItemSource csv(InputStream in, char delimiter, List<String> headerList, Map<String, String> keyTypes) throws IOException {
        InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CsvRecords records = new CsvRecords(new BufferedReader(reader, 64 * 1024), delimiter);
        List<String> header = headerList;
        if (header == null || header.isEmpty()) {
            CsvRecords.CsvRecord first = records.next();
            header = first == null ? List.of() : first.fields();
        }
        CsvItems items = new CsvItems(header, keyTypes);
        return new ItemSource() {
            @Override
            public Entry next() throws IOException {
                CsvRecords.CsvRecord record;
                try {
                    record = records.next();
                } catch (IllegalArgumentException e) {
                    return new Entry(null, e.getMessage(), -1, 0);
                }
                if (record == null) return null;
                try {
                    return new Entry(items.item(record.fields()), null, record.line(), record.characters() + 1);
                } catch (IllegalArgumentException e) {
                    return new Entry(null, e.getMessage(), record.line(), record.characters() + 1);
                }
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
