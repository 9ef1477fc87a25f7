package io.modyn.api.export;

/** ListExports' members; a null tableArn lists the exports of every table. */
public record ListExportsRequest(String tableArn, Integer maxResults, String nextToken) {
}
