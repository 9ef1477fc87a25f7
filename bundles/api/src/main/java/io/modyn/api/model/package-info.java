/** DynamoDB's data model: attribute values, table definitions and errors. */
@Export
@Version("1.5.0")
package io.modyn.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
