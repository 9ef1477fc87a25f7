/**
 * Services the engine offers to bundles that work on whole tables (backups, exports): consistent
 * table archives and restores from them.
 */
@Export
@Version("1.0.0")
package io.modyn.api.tables;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
