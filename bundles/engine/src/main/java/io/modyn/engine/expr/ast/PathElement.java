package io.modyn.engine.expr.ast;

/** One step of a document path: an attribute or map member name, or a list index. */
public sealed interface PathElement {

    /** A name as written: bare ({@code a}) or a placeholder ({@code #a}) resolved later. */
    record Name(String text, boolean placeholder) implements PathElement {
        @Override public String toString() { return text; }
    }

    record Index(int index) implements PathElement {
        @Override public String toString() { return "[" + index + "]"; }
    }
}
