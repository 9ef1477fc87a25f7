package io.modyn.protocol.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web pages may call the endpoint from a browser, and under which host names it answers.
 *
 * <p>A server without authentication takes any signature, so a page that a browser on this
 * machine opens must not be able to use it: neither by a cross-site request (the {@code Origin}
 * header names the page; only pages on loopback hosts and the listed origins are allowed) nor by
 * DNS rebinding, where an attacker's name resolves to 127.0.0.1 and the request looks same-origin
 * to the browser (the {@code Host} header then carries the attacker's name; only loopback names,
 * IP literals and the listed host names are answered). An IP literal is safe to accept: a page
 * can only be served under one by the machine that has that address.
 *
 * @param corsOrigins origins ({@code scheme://host[:port]}) allowed besides loopback ones
 * @param anyOrigin whether every origin is allowed ({@code *}, for deployments that authenticate)
 * @param hostnames host names the server is reached by besides loopback names and IP literals
 */
public record BrowserAccess(Set<String> corsOrigins, boolean anyOrigin, Set<String> hostnames) {

    /** Loopback pages only, loopback names only. */
    public static final BrowserAccess LOOPBACK_ONLY = new BrowserAccess(Set.of(), false, Set.of());

    /**
     * From the configured lists, each separated by commas or white space; {@code *} among the
     * origins allows every origin.
     */
    public static BrowserAccess parse(String corsOrigins, String hostnames) {
        List<String> origins = words(corsOrigins);
        boolean any = origins.contains("*");
        Set<String> normalized = origins.stream().filter(origin -> !origin.equals("*"))
                .map(BrowserAccess::normalizeOrigin).collect(Collectors.toUnmodifiableSet());
        Set<String> names = words(hostnames).stream().map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new BrowserAccess(normalized, any, names);
    }

    /** Whether a request with this {@code Origin} header may be served (and read by its page). */
    public boolean allowsOrigin(String origin) {
        if (anyOrigin) return true;
        URI uri = originUri(origin);
        if (uri == null) return false; // "null" (a file or sandboxed page) and anything unparsable
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && isLoopbackName(uri.getHost())) return true;
        return corsOrigins.contains(normalizeOrigin(origin));
    }

    /** Whether a request with this {@code Host} header is for this server; a request without one is. */
    public boolean allowsHost(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) return true;
        String host = hostWithoutPort(hostHeader.trim());
        if (host == null) return false;
        return isLoopbackName(host) || isIpLiteral(host) || hostnames.contains(host.toLowerCase(Locale.ROOT));
    }

    /** localhost and its subdomains (RFC 6761 reserves them for loopback; browsers resolve them so), and loopback IPs. */
    static boolean isLoopbackName(String host) {
        if (host == null) return false;
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) return true;
        if (name.equals("[::1]") || name.equals("::1")) return true;
        return isIpv4(name) && name.startsWith("127.");
    }

    private static boolean isIpLiteral(String host) {
        return isIpv4(host) || (host.startsWith("[") && host.endsWith("]") && host.indexOf(':') > 0);
    }

    private static boolean isIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** "name:port" → "name", "[v6]:port" → "[v6]"; null if malformed. */
    private static String hostWithoutPort(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int close = hostHeader.indexOf(']');
            if (close < 0) return null;
            String rest = hostHeader.substring(close + 1);
            if (!rest.isEmpty() && !isPort(rest)) return null;
            return hostHeader.substring(0, close + 1);
        }
        int colon = hostHeader.indexOf(':');
        if (colon < 0) return hostHeader;
        return isPort(hostHeader.substring(colon)) ? hostHeader.substring(0, colon) : null;
    }

    private static boolean isPort(String colonAndDigits) {
        return colonAndDigits.length() > 1 && colonAndDigits.length() <= 6 && colonAndDigits.charAt(0) == ':'
                && colonAndDigits.substring(1).chars().allMatch(Character::isDigit);
    }

    private static URI originUri(String origin) {
        try {
            URI uri = new URI(origin);
            return uri.getScheme() == null || uri.getHost() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Scheme and host in lower case, no trailing slash: origins compare as browsers send them. */
    private static String normalizeOrigin(String origin) {
        String trimmed = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static List<String> words(String list) {
        if (list == null || list.isBlank()) return List.of();
        return Arrays.stream(list.trim().split("[,\\s]+")).filter(word -> !word.isEmpty()).toList();
    }
}
