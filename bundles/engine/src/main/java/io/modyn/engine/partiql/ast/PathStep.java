package io.modyn.engine.partiql.ast;

/** One step of a document path: a name ({@code a}, {@code "a"}, {@code a.b}) or a list index ({@code [3]}). */
public sealed interface PathStep {

    record Name(String name) implements PathStep {
    }

    record Index(int index) implements PathStep {
    }
}
