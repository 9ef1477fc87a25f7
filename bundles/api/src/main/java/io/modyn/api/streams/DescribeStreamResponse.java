package io.modyn.api.streams;

public record DescribeStreamResponse(StreamDescription streamDescription) {
}
