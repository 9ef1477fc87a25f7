package io.modyn.metrics;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses every request a web browser could send to the metrics endpoint on behalf of a page: the
 * figures name tables and show the server's load, and a page must not read them. Prometheus and
 * curl send none of what is refused here. The same rules as the admin endpoint's (bundles never
 * share implementation classes, so they are written here again):
 *
 * <ul>
 *   <li>no {@code Origin} header: browsers add it to cross-site requests, and no CORS header is
 *       ever answered, so a page's script gets nothing either way;
 *   <li>no {@code Sec-Fetch-*} header: browsers mark every request with them;
 *   <li>a {@code Host} naming the endpoint's own port and, as host, {@code localhost}, an IP address
 *       literal or one of the operator's host names: a DNS-rebinding page sends its own host name,
 *       which is none of these;
 *   <li>no body: a scrape is a GET.
 * </ul>
 */
final class BrowserRequestGuard {

    private static final List<String> BROWSER_ONLY_HEADERS =
            List.of("Sec-Fetch-Site", "Sec-Fetch-Mode", "Sec-Fetch-Dest", "Sec-Fetch-User");
    /** {@code name:port} or {@code [ipv6]:port}. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]+):([0-9]{1,5})");
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final Set<String> hostNames;

    /** @param hostNames names besides localhost and IP literals that clients reach the endpoint by, in lower case */
    BrowserRequestGuard(Set<String> hostNames) {
        this.hostNames = Set.copyOf(hostNames);
    }

    /** Fails unless the request is one a scraper or a command-line client sends to {@code localPort}. */
    void check(Headers headers, int localPort) throws ScrapeRefusal {
        if (headers.containsKey("Origin")) {
            throw new ScrapeRefusal(ScrapeRefusal.FORBIDDEN,
                    "Requests with an Origin header are refused: the metrics endpoint serves no web pages");
        }
        for (String header : BROWSER_ONLY_HEADERS) {
            if (headers.containsKey(header)) {
                throw new ScrapeRefusal(ScrapeRefusal.FORBIDDEN, "Requests from a web browser (" + header + ") are refused");
            }
        }
        checkHost(headers.get("Host"), localPort);
        if (headers.containsKey("Transfer-Encoding")
                || (headers.getFirst("Content-Length") != null && !headers.getFirst("Content-Length").trim().equals("0"))) {
            throw new ScrapeRefusal(ScrapeRefusal.BAD_REQUEST, "Metrics requests carry no body");
        }
    }

    private void checkHost(List<String> hosts, int localPort) throws ScrapeRefusal {
        if (hosts == null || hosts.size() != 1) {
            throw new ScrapeRefusal(ScrapeRefusal.FORBIDDEN, "A request needs exactly one Host header");
        }
        String host = hosts.get(0).trim();
        Matcher matcher = HOST_AND_PORT.matcher(host);
        if (!matcher.matches() || !isAllowedName(matcher.group(1)) || Integer.parseInt(matcher.group(2)) != localPort) {
            throw new ScrapeRefusal(ScrapeRefusal.FORBIDDEN, "Host " + host + " is refused: name this endpoint by an IP address,"
                    + " localhost or a configured host name, with port " + localPort);
        }
    }

    private boolean isAllowedName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || hostNames.contains(lower)) {
            return true;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            return name.contains(":"); // the pattern let only hex digits, colons and dots through
        }
        if (IPV4_LITERAL.matcher(name).matches()) {
            for (String octet : name.split("\\.")) {
                if (Integer.parseInt(octet) > 255) return false;
            }
            return true;
        }
        return false;
    }
}
