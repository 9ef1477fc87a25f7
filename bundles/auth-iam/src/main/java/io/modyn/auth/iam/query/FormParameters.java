package io.modyn.auth.iam.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a Query-protocol request: the {@code application/x-www-form-urlencoded} body
 * ({@code Action=GetCallerIdentity&Version=2011-06-15}), then the URL's query string for names the
 * body does not have, as AWS accepts either. The presigned signature's own {@code X-Amz-*}
 * parameters are not API parameters and are left out. A name given twice keeps its first value.
 */
public final class FormParameters {

    private FormParameters() {
    }

    public static Map<String, String> parse(byte[] body, String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        addPairs(new String(body, StandardCharsets.UTF_8), parameters);
        if (rawQuery != null) {
            Map<String, String> fromQuery = new LinkedHashMap<>();
            addPairs(rawQuery, fromQuery);
            fromQuery.forEach((name, value) -> {
                if (!name.startsWith("X-Amz-")) parameters.putIfAbsent(name, value);
            });
        }
        return parameters;
    }

    private static void addPairs(String encoded, Map<String, String> parameters) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(decode(name), decode(value));
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%' is kept as sent
        }
    }
}
