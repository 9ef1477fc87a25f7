package io.modyn.api.export;

public record DescribeExportRequest(String exportArn) {
}
