package io.modyn.api.export;

import java.util.List;

/** A page of imports, newest first; {@code nextToken} is null on the last page. */
public record ListImportsResponse(List<ImportSummary> importSummaryList, String nextToken) {
}
