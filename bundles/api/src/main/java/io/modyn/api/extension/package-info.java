/** Extension points for third-party bundles: in-process stream listeners. */
@Export
@Version("1.0.0")
package io.modyn.api.extension;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
