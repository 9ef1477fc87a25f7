package io.modyn.itests.probe;

import io.modyn.api.extension.StreamListener;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.streams.ChangeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs inside the server, in the listener probe bundle: appends each change it hears as one line
 * {@code <table> TAB <eventName> TAB <keys> TAB <sequenceNumber>} to a file the test reads, keys
 * as {@code name=TYPE:value} sorted by name. A failed write throws, so the engine delivers the
 * record again rather than the test missing it.
 */
public final class RecordingStreamListener implements StreamListener {

    private final Path output;

    public RecordingStreamListener(Path output) {
        this.output = output;
    }

    @Override
    public void onChange(String tableName, ChangeRecord record) {
        String line = String.join("\t", tableName, record.eventName(), keys(record.dynamodb().keys()), record.dynamodb().sequenceNumber());
        try {
            Files.writeString(output, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String keys(Map<String, AttributeValue> keys) {
        return new TreeMap<>(keys).entrySet().stream()
                .map(key -> key.getKey() + "=" + scalar(key.getValue()))
                .collect(Collectors.joining(","));
    }

    private static String scalar(AttributeValue value) {
        if (value instanceof AttributeValue.S s) return "S:" + s.value();
        if (value instanceof AttributeValue.N n) return "N:" + n.value().toPlainString();
        return value.toString(); // the probe's tables have string or number keys
    }
}
