package io.modyn.export.job;

import io.modyn.api.export.ImportTableDescription;

/** An import: its description and the account it acts in (null in open mode). */
public record ImportJob(ImportTableDescription description, String accountId) {
}
