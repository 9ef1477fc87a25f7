package io.modyn.itests.storage;

/** What the clients were told across all rounds: one model per kind of write the crash test makes. */
record Acknowledgements(KeyOutcomes items, KeyOutcomes transactions, CounterOutcomes counters) {

    static Acknowledgements none(CrashTables tables) {
        return new Acknowledgements(new KeyOutcomes(tables.items()), new KeyOutcomes(tables.left() + "+" + tables.right()),
                new CounterOutcomes());
    }
}
