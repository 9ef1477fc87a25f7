package io.modyn.export.job;

import io.modyn.api.export.ExportDescription;

/** An export: its description and the account it acts in (null in open mode). */
public record ExportJob(ExportDescription description, String accountId) {
}
