/**
 * Authentication and authorization: who sent a request ({@link io.modyn.api.auth.Authenticator},
 * called by the wire protocol) and whether that principal may do what the request asks
 * ({@link io.modyn.api.auth.Authorizer}, called by the engine with the IAM actions, resources and
 * condition keys of each operation).
 */
@Export
@Version("2.0.0")
package io.modyn.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
