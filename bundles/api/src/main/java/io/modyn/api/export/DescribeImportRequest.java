package io.modyn.api.export;

public record DescribeImportRequest(String importArn) {
}
