package io.modyn.api.export;

import java.util.List;

/** A page of exports, newest first; {@code nextToken} is null on the last page. */
public record ListExportsResponse(List<ExportSummary> exportSummaries, String nextToken) {
}
