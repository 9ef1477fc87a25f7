package io.modyn.export.format;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180: fields in double quotes may hold the delimiter, line
 * breaks and doubled quotes) with a one-character delimiter, as ImportTable's CSV input reads it.
 * Records end at LF or CRLF outside quotes; an empty line is no record.
 */
public final class CsvRecords {

    /** One record and the line it starts on (1-based), with how many characters it took. */
    public record CsvRecord(List<String> fields, long line, long characters) {
    }

    private final Reader in;
    private final char delimiter;
    private long line = 1;
    private int pushedBack = -2;

    public CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /**
     * The next record, or null at the end.
     *
     * @throws IllegalArgumentException for a quoted field that never closes (the rest of the input)
     */
    public CsvRecord next() throws IOException {
        int c = read();
        while (c == '\n' || c == '\r') {
            if (c == '\n') line++;
            c = read();
        }
        if (c < 0) return null;
        long start = line;
        long characters = 0;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c < 0) {
                if (quoted) throw new IllegalArgumentException("a quoted field opened on line " + start + " never closes");
                fields.add(field.toString());
                return new CsvRecord(fields, start, characters);
            }
            characters++;
            if (quoted) {
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                        characters++;
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int next = read();
                    if (next != '\n') pushedBack = next;
                }
                line++;
                fields.add(field.toString());
                return new CsvRecord(fields, start, characters);
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}
