/**
 * Export of a table to S3 and import of S3 data into a new table (ExportTableToPointInTime,
 * DescribeExport, ListExports, ImportTable, DescribeImport, ListImports): the service a bundle
 * provides and the wire protocol calls.
 */
@Export
@Version("1.0.0")
package io.modyn.api.export;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
