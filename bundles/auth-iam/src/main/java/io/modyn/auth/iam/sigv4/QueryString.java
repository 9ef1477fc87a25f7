package io.modyn.auth.iam.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * A raw query string as parameters (percent-decoded), and its canonical form: every name and value
 * encoded the SigV4 way, sorted by name, then value, joined by {@code &}. A presigned request's own
 * signature ({@code X-Amz-Signature}) is left out of what it signs.
 */
final class QueryString {

    static final String SIGNATURE_PARAMETER = "X-Amz-Signature";

    private record Parameter(String name, String value) {
    }

    private final List<Parameter> parameters;

    private QueryString(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    static QueryString parse(String rawQuery) {
        List<Parameter> parameters = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.add(new Parameter(UriEncoding.decode(name), UriEncoding.decode(value)));
            }
        }
        return new QueryString(parameters);
    }

    /** The first value of a parameter, or null. */
    String get(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter.value();
            }
        }
        return null;
    }

    String canonical(boolean withoutSignature) {
        if (parameters.isEmpty()) {
            return "";
        }
        List<String[]> encoded = new ArrayList<>(parameters.size());
        for (Parameter parameter : parameters) {
            if (withoutSignature && parameter.name().equals(SIGNATURE_PARAMETER)) {
                continue;
            }
            encoded.add(new String[] {UriEncoding.encode(parameter.name(), false), UriEncoding.encode(parameter.value(), false)});
        }
        encoded.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder canonical = new StringBuilder();
        for (String[] parameter : encoded) {
            if (canonical.length() > 0) {
                canonical.append('&');
            }
            canonical.append(parameter[0]).append('=').append(parameter[1]);
        }
        return canonical.toString();
    }
}
