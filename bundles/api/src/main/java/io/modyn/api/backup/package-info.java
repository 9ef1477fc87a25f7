/**
 * DynamoDB's backup and point-in-time recovery API: the service a backup bundle provides and the
 * protocol calls, with its requests and answers.
 */
@Export
@Version("1.0.0")
package io.modyn.api.backup;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
