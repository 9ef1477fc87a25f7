/**
 * The DynamoDB API as typed requests and responses, and the service that executes them.
 * Request members the client left out are null; the engine validates them.
 */
@Export
@Version("1.8.0")
package io.modyn.api.dynamodb;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
