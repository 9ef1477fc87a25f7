/** DynamoDB Streams: the stream records of a table and the API that reads them. */
@Export
@Version("1.1.0")
package io.modyn.api.streams;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
