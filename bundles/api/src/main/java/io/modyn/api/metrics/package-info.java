/**
 * Metrics: what bundles tell a metrics bundle about the server at work. The engine reports each
 * request's outcome to {@link io.modyn.api.metrics.RequestMetrics} (the figures DynamoDB publishes
 * to CloudWatch, per table and operation); storage and other bundles register
 * {@link io.modyn.api.metrics.MetricSource}s that are read when metrics are scraped. Without a
 * metrics bundle nobody listens, and nothing is recorded.
 */
@Export
@Version("1.0.0")
package io.modyn.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
