package io.modyn.protocol.extension;

import io.modyn.api.extension.ProtocolHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The {@link ProtocolHandler}s bound right now, looked up by what they registered to serve: an
 * {@code X-Amz-Target} prefix or a SigV4 signing service. Handlers come and go while the server
 * runs (bundles installed, updated, stopped); each change rebuilds two small immutable maps, so a
 * request's lookup takes no lock. For one prefix or service the best {@code service.ranking}
 * wins, then the lowest {@code service.id} (the oldest), as OSGi orders services. DynamoDB's own
 * target prefixes are never given away.
 */
public final class ProtocolHandlers {

    private static final Logger LOG = Logger.getLogger(ProtocolHandlers.class.getName());
    private static final List<String> RESERVED_PREFIXES = List.of("DynamoDB_20120810", "DynamoDBStreams_20120810");

    private record Registration(ProtocolHandler handler, List<String> prefixes, List<String> services, int ranking, long serviceId) {
    }

    private final List<Registration> registrations = new ArrayList<>();
    private volatile Map<String, ProtocolHandler> byTargetPrefix = Map.of();
    private volatile Map<String, ProtocolHandler> bySigningService = Map.of();

    /** Binds a handler with its service properties ({@value ProtocolHandler#TARGET_PREFIX}, {@value ProtocolHandler#SIGNING_SERVICE}, ranking, id). */
    public synchronized void add(ProtocolHandler handler, Map<String, ?> properties) {
        registrations.removeIf(registration -> registration.handler() == handler);
        List<String> prefixes = new ArrayList<>(strings(properties.get(ProtocolHandler.TARGET_PREFIX)));
        if (prefixes.removeIf(RESERVED_PREFIXES::contains)) {
            LOG.warning(() -> "A protocol handler (" + handler.getClass().getName() + ") asked for DynamoDB's own target prefix; "
                    + "DynamoDB keeps serving it");
        }
        List<String> services = strings(properties.get(ProtocolHandler.SIGNING_SERVICE));
        Object ranking = properties.get("service.ranking");
        Object serviceId = properties.get("service.id");
        registrations.add(new Registration(handler, List.copyOf(prefixes), services,
                ranking instanceof Integer value ? value : 0, serviceId instanceof Long value ? value : Long.MAX_VALUE));
        rebuild();
    }

    public synchronized void remove(ProtocolHandler handler) {
        registrations.removeIf(registration -> registration.handler() == handler);
        rebuild();
    }

    /** The handler of a target such as {@code TrentService.Encrypt} (by the part before the first dot), or null. */
    public ProtocolHandler forTarget(String target) {
        int dot = target == null ? -1 : target.indexOf('.');
        return dot <= 0 ? null : byTargetPrefix.get(target.substring(0, dot));
    }

    /** The handler of a signing service such as {@code sts}, or null. */
    public ProtocolHandler forSigningService(String service) {
        return service == null ? null : bySigningService.get(service);
    }

    private void rebuild() {
        List<Registration> ordered = new ArrayList<>(registrations);
        ordered.sort(Comparator.comparingInt(Registration::ranking).reversed().thenComparingLong(Registration::serviceId));
        Map<String, ProtocolHandler> prefixes = new HashMap<>();
        Map<String, ProtocolHandler> services = new HashMap<>();
        for (Registration registration : ordered) {
            registration.prefixes().forEach(prefix -> prefixes.putIfAbsent(prefix, registration.handler()));
            registration.services().forEach(service -> services.putIfAbsent(service, registration.handler()));
        }
        byTargetPrefix = Map.copyOf(prefixes);
        bySigningService = Map.copyOf(services);
    }

    /** A service property's values: a String, a String[] or a collection of them. */
    private static List<String> strings(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof String single) {
            values.add(single);
        } else if (value instanceof String[] array) {
            values.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> values.add(String.valueOf(element)));
        }
        values.replaceAll(String::trim);
        values.removeIf(String::isEmpty);
        return List.copyOf(values);
    }
}
