package io.modyn.engine.stream;

import io.modyn.api.extension.StreamListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stream listener services currently registered. The OSGi component adds and removes them as
 * the service registry tells it (possibly before the engine is activated); the dispatcher, once
 * started, observes the changes.
 */
public final class StreamListeners {

    /** Told of each listener as it comes and goes. */
    interface Observer {
        void added(RegisteredListener listener);

        void removed(RegisteredListener listener);
    }

    private final Map<StreamListener, RegisteredListener> listeners = new LinkedHashMap<>();
    private Observer observer;

    public synchronized void add(StreamListener listener, Map<String, ?> properties) {
        RegisteredListener registered = RegisteredListener.of(listener, properties);
        listeners.put(listener, registered);
        if (observer != null) observer.added(registered);
    }

    public synchronized void remove(StreamListener listener) {
        RegisteredListener registered = listeners.remove(listener);
        if (registered != null && observer != null) observer.removed(registered);
    }

    /** Sets the observer (null to stop observing) and tells it of the listeners already there. */
    synchronized void observe(Observer newObserver) {
        observer = newObserver;
        if (newObserver != null) new ArrayList<>(listeners.values()).forEach(newObserver::added);
    }
}
