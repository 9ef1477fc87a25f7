package io.modyn.storage.file;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A comma-separated list of keyspace names in configuration, where {@code *} matches any run of
 * characters and {@code ?} one: {@code orders,orders.*} names a table and its indexes.
 */
final class KeyspacePatterns {

    private KeyspacePatterns() {
    }

    static Predicate<String> parse(String list) {
        List<Pattern> patterns = new ArrayList<>();
        for (String item : list.split(",")) {
            String glob = item.trim();
            if (glob.isEmpty()) continue;
            StringBuilder regex = new StringBuilder();
            for (char c : glob.toCharArray()) {
                if (c == '*') regex.append(".*");
                else if (c == '?') regex.append('.');
                else regex.append(Pattern.quote(String.valueOf(c)));
            }
            patterns.add(Pattern.compile(regex.toString()));
        }
        List<Pattern> all = List.copyOf(patterns);
        return keyspace -> all.stream().anyMatch(p -> p.matcher(keyspace).matches());
    }
}
