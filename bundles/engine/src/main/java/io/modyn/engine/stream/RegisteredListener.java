package io.modyn.engine.stream;

import io.modyn.api.extension.StreamListener;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stream listener service with what its service properties say: the tables it listens to
 * ({@value StreamListener#TABLE_NAME}; none means all) and the id its delivery positions are kept
 * under, which must survive a restart: the DS component name, else the service PID, else the
 * listener's class name. Two listeners registered under one id share their positions, so each
 * change then reaches only one of them.
 */
record RegisteredListener(StreamListener listener, String id, Set<String> tables) {

    static RegisteredListener of(StreamListener listener, Map<String, ?> properties) {
        Object id = properties.get("component.name");
        if (id == null) id = properties.get("service.pid");
        if (id == null) id = listener.getClass().getName();
        return new RegisteredListener(listener, id.toString(), tableNames(properties.get(StreamListener.TABLE_NAME)));
    }

    boolean wants(String tableName) {
        return tables.isEmpty() || tables.contains(tableName);
    }

    private static Set<String> tableNames(Object property) {
        if (property == null) return Set.of();
        if (property instanceof String[] names) return Set.copyOf(List.of(names));
        if (property instanceof Collection<?> names) return Set.copyOf(names.stream().map(Object::toString).toList());
        return Set.of(property.toString());
    }
}
