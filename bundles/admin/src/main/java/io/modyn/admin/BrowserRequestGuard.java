package io.modyn.admin;

import com.sun.net.httpserver.Headers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses every request a web browser could send to the admin endpoint on behalf of a page, before
 * the token is even looked at. Listening on loopback does not keep browsers out: a page on any site
 * can make the browser on the operator's machine POST to 127.0.0.1, and a DNS-rebinding page can
 * even read the answers. So the endpoint serves only what {@code bin/modyn-admin} (curl) sends:
 *
 * <ul>
 *   <li>no {@code Origin} header: browsers add it to every cross-site request and every POST, a
 *       command-line client never does. No CORS header is ever answered either, so a preflight
 *       fails;
 *   <li>no {@code Sec-Fetch-*} header: browsers mark every request with them;
 *   <li>a {@code Host} that names a loopback address and the endpoint's own port ({@code localhost},
 *       a {@code 127.x.x.x} literal or {@code [::1]}): a DNS-rebinding page sends its own host name;
 *   <li>no body and no {@code Content-Type}: every command is in the method, path and query, while
 *       the forms and {@code fetch} calls a page can send without a preflight carry a body with
 *       {@code text/plain}, {@code application/x-www-form-urlencoded} or
 *       {@code multipart/form-data}.
 * </ul>
 */
final class BrowserRequestGuard {

    private static final List<String> BROWSER_ONLY_HEADERS =
            List.of("Sec-Fetch-Site", "Sec-Fetch-Mode", "Sec-Fetch-Dest", "Sec-Fetch-User");
    /** {@code name:port} or {@code [ipv6]:port}. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]+):([0-9]{1,5})");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private BrowserRequestGuard() {
    }

    /** Fails unless the request is one a command-line client sends to {@code localPort}. */
    static void check(Headers headers, int localPort) throws AdminException {
        if (headers.containsKey("Origin")) {
            throw new AdminException(AdminException.FORBIDDEN,
                    "Requests with an Origin header are refused: the admin endpoint serves no web pages");
        }
        for (String header : BROWSER_ONLY_HEADERS) {
            if (headers.containsKey(header)) {
                throw new AdminException(AdminException.FORBIDDEN,
                        "Requests from a web browser (" + header + ") are refused");
            }
        }
        checkHost(headers.get("Host"), localPort);
        String contentType = headers.getFirst("Content-Type");
        if (contentType != null) {
            throw new AdminException(AdminException.UNSUPPORTED_MEDIA_TYPE,
                    "Admin requests carry no body and no Content-Type, not " + contentType);
        }
        if (hasBody(headers)) {
            throw new AdminException(AdminException.BAD_REQUEST, "Admin requests carry no body");
        }
    }

    private static void checkHost(List<String> hosts, int localPort) throws AdminException {
        if (hosts == null || hosts.size() != 1) {
            throw new AdminException(AdminException.FORBIDDEN,
                    "A request needs exactly one Host header naming a loopback address and port " + localPort);
        }
        String host = hosts.get(0).trim();
        Matcher matcher = HOST_AND_PORT.matcher(host);
        if (!matcher.matches() || !isLoopbackName(matcher.group(1))
                || Integer.parseInt(matcher.group(2)) != localPort) {
            throw new AdminException(AdminException.FORBIDDEN, "Host " + host + " is refused: use 127.0.0.1:"
                    + localPort + ", localhost:" + localPort + " or [::1]:" + localPort);
        }
    }

    /** Names that reach this machine without asking DNS: {@code localhost} and loopback literals. */
    static boolean isLoopbackName(String name) {
        if (name.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            return isLoopbackLiteral(name.substring(1, name.length() - 1));
        }
        if (IPV4_LITERAL.matcher(name).matches()) {
            for (String octet : name.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return name.startsWith("127.");
        }
        return false;
    }

    /** Only hex digits, colons and dots get to {@link InetAddress}, so this never asks DNS. */
    private static boolean isLoopbackLiteral(String ipv6) {
        if (!ipv6.contains(":") || !IPV6_LITERAL.matcher(ipv6).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(ipv6).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean hasBody(Headers headers) {
        if (headers.containsKey("Transfer-Encoding")) {
            return true;
        }
        String length = headers.getFirst("Content-Length");
        return length != null && !length.trim().equals("0");
    }
}
