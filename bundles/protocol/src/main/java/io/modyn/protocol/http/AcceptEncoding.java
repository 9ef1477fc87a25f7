package io.modyn.protocol.http;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} header far enough to know whether gzip is welcome. */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /** True if the header lists {@code gzip} (or {@code *}) with a non-zero quality. */
    static boolean allowsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String coding : header.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            if ((name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) && quality(parts) > 0) {
                return true;
            }
        }
        return false;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
