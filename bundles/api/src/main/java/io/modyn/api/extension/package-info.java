/**
 * Extension points for third-party bundles: in-process stream listeners
 * ({@link io.modyn.api.extension.StreamListener}) and handlers of other AWS APIs on the server's
 * endpoint ({@link io.modyn.api.extension.ProtocolHandler}).
 */
@Export
@Version("1.2.0")
package io.modyn.api.extension;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
