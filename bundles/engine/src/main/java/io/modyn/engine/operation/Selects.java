package io.modyn.engine.operation;

/** The Select parameter of Query and Scan, as far as this release implements it. */
final class Selects {

    private Selects() {
    }

    /** True for {@code COUNT}; projections ({@code SPECIFIC_ATTRIBUTES}) come with the expression language. */
    static boolean countOnly(String select) {
        if ("SPECIFIC_ATTRIBUTES".equals(select) || "ALL_PROJECTED_ATTRIBUTES".equals(select)) {
            RequestRules.notYetSupported(select, "Select=" + select);
        }
        return "COUNT".equals(select);
    }
}
