package io.modyn.api.export;

import java.time.Instant;

/** The changes an INCREMENTAL_EXPORT covers; {@code exportViewType} is NEW_IMAGE or NEW_AND_OLD_IMAGES. */
public record IncrementalExportSpecification(Instant exportFromTime, Instant exportToTime, String exportViewType) {
}
