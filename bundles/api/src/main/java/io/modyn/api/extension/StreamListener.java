package io.modyn.api.extension;

import io.modyn.api.streams.ChangeRecord;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An in-process trigger: a third-party bundle registers this service and is told of every change
 * to the tables it listens to, after the change has committed, in commit order per item, once.
 * Register with the service property {@value #TABLE_NAME} to hear one table (several values or
 * none: every table). Calls come from a dedicated thread; a slow listener delays only itself.
 */
@ConsumerType
public interface StreamListener {

    /** Service property: the table names this listener wants; absent means all tables. */
    String TABLE_NAME = "modyn.table";

    void onChange(String tableName, ChangeRecord record);
}
