package io.modyn.api.extension;

import io.modyn.api.streams.ChangeRecord;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An in-process trigger: a third-party bundle registers this service and is told of every change
 * to the tables it listens to, after the change has committed, in commit order per item, once.
 * Register with the service property {@value #TABLE_NAME} to hear one table (several values or
 * none: every table). Only tables whose stream is enabled are heard: delivery reads the stream.
 * Calls come from a dedicated thread; a slow listener delays only itself. A listener hears changes
 * committed from shortly after it is first seen; its delivery position is kept in storage under
 * its {@code component.name}, else {@code service.pid}, else its class name, so give each listener
 * a distinct one. Delivery is at least once: after a crash the last batch may come again.
 */
@ConsumerType
public interface StreamListener {

    /** Service property: the table names this listener wants; absent means all tables. */
    String TABLE_NAME = "modyn.table";

    void onChange(String tableName, ChangeRecord record);
}
