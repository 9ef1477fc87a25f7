/**
 * Key management services shared between bundles: the root key that wraps every stored key
 * ({@link io.modyn.api.crypto.RootKeySource}, an extension point for HSM or vault bundles) and the
 * key service ({@link io.modyn.api.crypto.KeyManager}) that issues and opens data keys under a
 * customer master key, for the engine's encryption of tables at rest.
 */
@Export
@Version("1.2.0")
package io.modyn.api.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
