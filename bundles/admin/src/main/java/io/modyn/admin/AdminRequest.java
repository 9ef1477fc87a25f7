package io.modyn.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One operator command, parsed from an HTTP request:
 *
 * <pre>
 * GET  /bundles                              list all bundles
 * GET  /bundles/{idOrName}                   show one bundle
 * POST /bundles/{idOrName}/start             start it
 * POST /bundles/{idOrName}/stop              stop it
 * POST /bundles/{idOrName}/update[?location=file]
 *                                            update it from its own location, or from the file given
 * POST /bundles/{idOrName}/uninstall         uninstall it
 * POST /bundles/install?location=file[&amp;start=true]
 *                                            install a bundle (and start it)
 * </pre>
 *
 * A location is kept as given (a path or {@code file:} URL); {@link InstallLocationPolicy} decides
 * whether it may be read. Any command answers JSON with {@code ?format=json} or
 * {@code Accept: application/json}, text otherwise.
 */
record AdminRequest(Action action, BundleSelector target, String location, boolean start, boolean json) {

    /** The commands, each with the IAM action a non-root principal must be allowed (see {@link AdminAccess}). */
    enum Action {
        LIST("ListBundles"), SHOW("DescribeBundle"), START("StartBundle"), STOP("StopBundle"),
        UPDATE("UpdateBundle"), UNINSTALL("UninstallBundle"), INSTALL("InstallBundle");

        private final String iamAction;

        Action(String name) {
            this.iamAction = AdminAccess.SIGNING_SERVICE + ":" + name;
        }

        /** {@code modyn:ListBundles}, {@code modyn:StopBundle} ... ({@code StopBundle} of bundle 0 shuts the server down). */
        String iamAction() {
            return iamAction;
        }
    }

    private static final String INSTALL = "install";

    static AdminRequest parse(String method, String path, String rawQuery, String accept) throws AdminException {
        Map<String, String> query = queryParameters(rawQuery);
        boolean json = wantsJson(query, accept);
        List<String> segments = pathSegments(path);
        if (segments.isEmpty()) {
            requireMethod("GET", method);
            return new AdminRequest(Action.LIST, null, null, false, json);
        }
        if (segments.size() == 1 && segments.get(0).equals(INSTALL) && method.equals("POST")) {
            String location = query.get("location");
            if (location == null || location.isBlank()) {
                throw new AdminException(AdminException.BAD_REQUEST, "A location (a bundle file) is required");
            }
            return new AdminRequest(Action.INSTALL, null, location, Boolean.parseBoolean(query.get("start")), json);
        }
        BundleSelector target = BundleSelector.parse(segments.get(0));
        if (segments.size() == 1) {
            requireMethod("GET", method);
            return new AdminRequest(Action.SHOW, target, null, false, json);
        }
        if (segments.size() > 2) {
            throw new AdminException(AdminException.NOT_FOUND, "No such resource: " + path);
        }
        Action action = bundleAction(segments.get(1), path);
        requireMethod("POST", method);
        String location = action == Action.UPDATE ? query.get("location") : null;
        return new AdminRequest(action, target, location, false, json);
    }

    /** Whether a response, error or not, should be JSON. */
    static boolean wantsJson(Map<String, String> query, String accept) {
        String format = query.get("format");
        if (format != null) {
            return format.equalsIgnoreCase("json");
        }
        return accept != null && accept.contains("application/json");
    }

    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(decode(name), decode(value));
        }
        return parameters;
    }

    private static Action bundleAction(String name, String path) throws AdminException {
        return switch (name) {
            case "start" -> Action.START;
            case "stop" -> Action.STOP;
            case "update" -> Action.UPDATE;
            case "uninstall" -> Action.UNINSTALL;
            default -> throw new AdminException(AdminException.NOT_FOUND, "No such resource: " + path);
        };
    }

    private static List<String> pathSegments(String path) throws AdminException {
        String prefix = AdminEndpoint.CONTEXT_PATH;
        if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
            throw new AdminException(AdminException.NOT_FOUND, "No such resource: " + path);
        }
        return List.of(path.substring(prefix.length()).split("/")).stream()
                .filter(segment -> !segment.isEmpty())
                .toList();
    }

    private static void requireMethod(String expected, String method) throws AdminException {
        if (!expected.equals(method)) {
            throw new AdminException(AdminException.METHOD_NOT_ALLOWED, "Use " + expected + ", not " + method);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
