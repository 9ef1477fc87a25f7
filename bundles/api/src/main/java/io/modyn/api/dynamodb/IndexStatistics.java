package io.modyn.api.dynamodb;

/** Item count and size of one secondary index, as DescribeTable reports them. */
public record IndexStatistics(long itemCount, long sizeBytes) {
}
