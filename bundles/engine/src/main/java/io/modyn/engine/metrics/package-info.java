/**
 * Reports each request's outcome to the bound {@link io.modyn.api.metrics.RequestMetrics}, if any:
 * {@link io.modyn.engine.metrics.MeteredDynamoDbService} around the engine for latency, errors and
 * returned items, {@link io.modyn.engine.metrics.CapacityMeter} for the capacity the operations
 * compute deep inside. With no metrics bundle, nothing is measured.
 */
package io.modyn.engine.metrics;
