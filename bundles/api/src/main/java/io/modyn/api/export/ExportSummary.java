package io.modyn.api.export;

/** One export as ListExports lists it. */
public record ExportSummary(String exportArn, String exportStatus, String exportType) {
}
