package io.modyn.engine.control;

import io.modyn.api.dynamodb.Tag;
import io.modyn.api.model.DynamoException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DynamoDB's rules for tags, with the messages it answers: keys of 1 to 128 and values of 0 to 256
 * Unicode characters drawn from letters, digits, spaces and {@code + - = . _ : / @}; no key
 * starting with {@code aws:} in any case (those are AWS-assigned); at most 50 tags on a table.
 * Every violation is a ValidationException, and a request with one bad tag applies none.
 */
public final class TagRules {

    public static final int MAX_TAGS_PER_RESOURCE = 50;

    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern ALLOWED_CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}+\\-=._:/@]*");
    private static final String RESERVED_PREFIX = "aws:";

    private TagRules() {
    }

    /** Checks the tags of a TagResource or CreateTable request on their own (not yet merged with stored ones). */
    public static void checkTags(List<Tag> tags) {
        Set<String> seen = new HashSet<>();
        for (Tag tag : tags) {
            String key = tag == null ? null : tag.key();
            String value = tag == null ? null : tag.value();
            checkKey(key);
            if (value == null || length(value) > MAX_VALUE_LENGTH || !ALLOWED_CHARACTERS.matcher(value).matches()) {
                throw DynamoException.validation("The Tag Value provided is invalid, Value: " + value);
            }
            if (!seen.add(key)) {
                throw DynamoException.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
            }
        }
        checkCount(seen.size());
    }

    /** Checks the keys of an UntagResource request. */
    public static void checkKeys(List<String> keys) {
        keys.forEach(TagRules::checkKey);
        checkCount(keys.size());
    }

    /** Checks the number of tags a table would have (or a request names). */
    public static void checkCount(int count) {
        if (count > MAX_TAGS_PER_RESOURCE) {
            throw DynamoException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || length(key) > MAX_KEY_LENGTH || !ALLOWED_CHARACTERS.matcher(key).matches()) {
            throw DynamoException.validation("The Tag Key provided is invalid, Key: " + key);
        }
        if (key.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
            throw DynamoException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
        }
    }

    /** Lengths are in Unicode characters, not UTF-16 units. */
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
