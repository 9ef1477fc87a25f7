package io.modyn.itests.probe;

import io.modyn.api.extension.StreamListener;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Registers a {@link RecordingStreamListener} as a plain service, the way a third-party bundle
 * would without Declarative Services. The bundle's manifest says what to listen to and where to
 * write: {@value #TABLES_HEADER} (comma-separated table names, the service's {@code modyn.table})
 * and {@value #OUTPUT_HEADER} (the file). The service PID is the bundle's symbolic name: the engine
 * keeps a listener's delivery position under it, and without one two probe bundles would share
 * the class name as their identity.
 */
public final class ProbeListenerActivator implements BundleActivator {

    public static final String TABLES_HEADER = "Modyn-Probe-Tables";
    public static final String OUTPUT_HEADER = "Modyn-Probe-Output";

    @Override
    public void start(BundleContext context) {
        Dictionary<String, String> headers = context.getBundle().getHeaders();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(StreamListener.TABLE_NAME, headers.get(TABLES_HEADER).split(","));
        properties.put(Constants.SERVICE_PID, context.getBundle().getSymbolicName());
        context.registerService(StreamListener.class, new RecordingStreamListener(Path.of(headers.get(OUTPUT_HEADER))), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the bundle's services when it stops
    }
}
