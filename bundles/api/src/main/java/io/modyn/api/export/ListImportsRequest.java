package io.modyn.api.export;

/** ListImports' members; a null tableArn lists the imports into every table. */
public record ListImportsRequest(String tableArn, Integer pageSize, String nextToken) {
}
