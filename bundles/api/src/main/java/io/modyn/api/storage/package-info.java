/**
 * The storage SPI: ordered key/value records in named keyspaces, committed atomically.
 * Backends implement {@link io.modyn.api.storage.StorageEngine}; a contract test suite in this
 * bundle's test-jar defines what every backend must do.
 */
@Export
@Version("1.3.0")
package io.modyn.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
