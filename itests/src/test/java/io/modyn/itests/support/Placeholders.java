package io.modyn.itests.support;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code :value} and {@code #name} placeholders an expression uses. DynamoDB refuses
 * ExpressionAttributeValues and ExpressionAttributeNames entries that no expression uses, so tests
 * that share one table of values hand each request exactly the entries its expressions name.
 */
public final class Placeholders {

    private static final Pattern VALUE = Pattern.compile(":[A-Za-z0-9_]+");
    private static final Pattern NAME = Pattern.compile("#[A-Za-z0-9_]+");

    private Placeholders() {
    }

    /** The entries of {@code available} whose placeholders occur in any of {@code expressions}. */
    public static Map<String, AttributeValue> valuesUsed(Map<String, AttributeValue> available, String... expressions) {
        Map<String, AttributeValue> used = new LinkedHashMap<>();
        for (String placeholder : find(VALUE, expressions)) {
            if (available.containsKey(placeholder)) used.put(placeholder, available.get(placeholder));
        }
        return used;
    }

    /** The entries of {@code available} whose placeholders occur in any of {@code expressions}. */
    public static Map<String, String> namesUsed(Map<String, String> available, String... expressions) {
        Map<String, String> used = new LinkedHashMap<>();
        for (String placeholder : find(NAME, expressions)) {
            if (available.containsKey(placeholder)) used.put(placeholder, available.get(placeholder));
        }
        return used;
    }

    private static Set<String> find(Pattern pattern, String... expressions) {
        Set<String> found = new LinkedHashSet<>();
        for (String expression : expressions) {
            if (expression == null) continue;
            Matcher matcher = pattern.matcher(expression);
            while (matcher.find()) found.add(matcher.group());
        }
        return found;
    }
}
