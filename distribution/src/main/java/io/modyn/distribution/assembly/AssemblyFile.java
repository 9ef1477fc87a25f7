package io.modyn.distribution.assembly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One assembly: the parts of a server, named in a small text file of {@code key = value} lines
 * ({@code #} starts a comment line). The api bundle and the OSGi runtime (Configuration Admin,
 * FileInstall, SCR, Metatype) are in every assembly and are not named.
 *
 * <pre>
 * name = server
 * parts = protocol engine admin auth-iam kms metrics?   # "?": included when the distribution has it
 * storage = file                                        # one or more backends; the first is the default
 * extension = lib/audit-1.0.jar                         # a jar, relative to this file, or
 * extension = com.example:audit:1.0                     # Maven coordinates, from the local repository
 * default MODYN_AUTH = iam                              # a default for bin/modyn's environment
 * </pre>
 */
record AssemblyFile(Path file, String name, List<Part> parts, List<String> storages, List<String> extensions,
                    Map<String, String> defaults) {

    /** A named part; an optional one is left out, with a notice, when the distribution lacks it. */
    record Part(String name, boolean optional) {
    }

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern VARIABLE = Pattern.compile("MODYN_[A-Z0-9_]+");

    static AssemblyFile read(Path file) throws AssemblyException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new AssemblyException("cannot read the assembly file " + file + ": " + e.getMessage());
        }
        String name = null;
        List<Part> parts = new ArrayList<>();
        List<String> storages = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = stripComment(lines.get(number - 1));
            if (line.isEmpty()) continue;
            String where = file + ":" + number + ": ";
            int equals = line.indexOf('=');
            if (equals < 0) throw new AssemblyException(where + "expected 'key = value', not '" + line + "'");
            String key = line.substring(0, equals).trim();
            String value = line.substring(equals + 1).trim();
            if (key.equals("name")) {
                if (!WORD.matcher(value).matches()) throw new AssemblyException(where + "name must be a word ([a-z][a-z0-9-]*), not '" + value + "'");
                name = value;
            } else if (key.equals("parts")) {
                for (String word : words(value)) {
                    boolean optional = word.endsWith("?");
                    String part = optional ? word.substring(0, word.length() - 1) : word;
                    if (!WORD.matcher(part).matches()) throw new AssemblyException(where + "'" + word + "' is no part name");
                    parts.add(new Part(part, optional));
                }
            } else if (key.equals("storage")) {
                for (String word : words(value)) {
                    if (!WORD.matcher(word).matches()) throw new AssemblyException(where + "'" + word + "' is no storage backend name");
                    storages.add(word);
                }
            } else if (key.equals("extension")) {
                if (value.isEmpty()) throw new AssemblyException(where + "extension needs a jar path or Maven coordinates");
                extensions.add(value);
            } else if (key.startsWith("default ")) {
                String variable = key.substring("default ".length()).trim();
                if (!VARIABLE.matcher(variable).matches()) throw new AssemblyException(where + "a default is for a MODYN_* variable, not '" + variable + "'");
                defaults.put(variable, value);
            } else {
                throw new AssemblyException(where + "unknown key '" + key + "' (name, parts, storage, extension, default MODYN_...)");
            }
        }
        if (name == null) throw new AssemblyException(file + ": no 'name = ...' line");
        if (storages.isEmpty()) throw new AssemblyException(file + ": no 'storage = ...' line: a server needs a storage backend");
        return new AssemblyFile(file, name, List.copyOf(parts), List.copyOf(storages), List.copyOf(extensions), Map.copyOf(defaults));
    }

    /** Only whole-line comments and comments after whitespace: a jar path may hold '#'. */
    private static String stripComment(String line) {
        String trimmed = line.trim();
        if (trimmed.startsWith("#")) return "";
        int comment = trimmed.indexOf(" #");
        return comment < 0 ? trimmed : trimmed.substring(0, comment).trim();
    }

    private static List<String> words(String value) {
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("[\\s,]+"));
    }
}
