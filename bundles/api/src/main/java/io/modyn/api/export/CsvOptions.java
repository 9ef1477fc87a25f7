package io.modyn.api.export;

import java.util.List;

/**
 * ImportTable's InputFormatOptions.Csv: the delimiter (one character, default comma) and the
 * header to use; without a header list the first line of each file is the header.
 */
public record CsvOptions(String delimiter, List<String> headerList) {
}
