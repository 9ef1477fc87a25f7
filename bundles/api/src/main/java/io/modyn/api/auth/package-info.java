/** Authentication: who sent a request. */
@Export
@Version("1.0.0")
package io.modyn.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
