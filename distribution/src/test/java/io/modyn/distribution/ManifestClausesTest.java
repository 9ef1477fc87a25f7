package io.modyn.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.distribution.ManifestClauses.Clause;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestClausesTest {

    @Test
    void quotedVersionRangesDoNotSplitClauses() {
        List<Clause> clauses = ManifestClauses.parse(
                "io.modyn.api.model;version=\"[1.0,2)\",org.osgi.framework;version=\"[1.10,2)\"");
        assertEquals(List.of("io.modyn.api.model", "org.osgi.framework"), clauses.stream().map(Clause::name).toList());
        assertEquals("[1.0,2)", clauses.get(0).attributes().get("version"));
    }

    @Test
    void directivesAreNotAttributes() {
        Clause clause = ManifestClauses.parse(
                "io.modyn.api.dynamodb;uses:=\"io.modyn.api.auth,io.modyn.api.model\";version=\"1.0.0\"").get(0);
        assertEquals("io.modyn.api.dynamodb", clause.name());
        assertEquals("1.0.0", clause.attributes().get("version"));
        assertEquals(1, clause.attributes().size());
    }

    @Test
    void namesSharingAClauseShareItsAttributes() {
        List<Clause> clauses = ManifestClauses.parse("a.b;c.d;version=2,e.f;resolution:=optional");
        assertEquals(List.of("a.b", "c.d", "e.f"), clauses.stream().map(Clause::name).toList());
        assertEquals("2", clauses.get(1).attributes().get("version"));
        assertTrue(clauses.get(2).attributes().isEmpty());
    }

    @Test
    void missingHeaderHasNoClauses() {
        assertTrue(ManifestClauses.parse(null).isEmpty());
    }
}
