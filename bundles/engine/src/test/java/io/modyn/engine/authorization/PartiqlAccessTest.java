package io.modyn.engine.authorization;

import static io.modyn.engine.authorization.AuthorizationFixture.CONTEXT;
import static io.modyn.engine.authorization.AuthorizationFixture.MUSIC_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.SCORES_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.assertRequest;
import static io.modyn.engine.authorization.AuthorizationFixture.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.dynamodb.BatchExecuteStatementRequest;
import io.modyn.api.dynamodb.BatchExecuteStatementResponse;
import io.modyn.api.dynamodb.BatchStatementRequest;
import io.modyn.api.dynamodb.ExecuteStatementRequest;
import io.modyn.api.dynamodb.ExecuteTransactionRequest;
import io.modyn.api.dynamodb.ParameterizedStatement;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PartiQL statements ask IAM for their PartiQL action (PartiQLSelect, PartiQLInsert,
 * PartiQLUpdate, PartiQLDelete), never for the item operation they run as.
 */
class PartiqlAccessTest {

    private final AuthorizationFixture fixture = new AuthorizationFixture();

    @Test
    void eachStatementKindAsksItsPartiqlAction() {
        run("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'One', 'Album': 'A'}");
        assertRequest(only(), "dynamodb:PartiQLInsert", MUSIC_ARN, keys("dynamodb:LeadingKeys", "Acme"));

        run("UPDATE Music SET Plays = 1 WHERE Artist = 'Acme' AND SongTitle = 'One'");
        assertRequest(only(), "dynamodb:PartiQLUpdate", MUSIC_ARN, keys("dynamodb:LeadingKeys", "Acme"));

        run("SELECT * FROM Music WHERE Artist = 'Acme' AND SongTitle = 'One'");
        assertRequest(only(), "dynamodb:PartiQLSelect", MUSIC_ARN, keys("dynamodb:LeadingKeys", "Acme", "dynamodb:FullTableScan", "false"));

        run("DELETE FROM Scores WHERE Id = 7");
        assertRequest(only(), "dynamodb:PartiQLDelete", SCORES_ARN, keys("dynamodb:LeadingKeys", "7"));
    }

    @Test
    void aScanIsAFullTableScanAndAnIndexReadNamesTheIndex() {
        run("SELECT * FROM Music WHERE Plays > 1");
        assertRequest(only(), "dynamodb:PartiQLSelect", MUSIC_ARN, keys("dynamodb:FullTableScan", "true"));

        run("SELECT * FROM \"Music\".\"ByAlbum\" WHERE Album = 'A'");
        assertRequest(only(), "dynamodb:PartiQLSelect", MUSIC_ARN + "/index/ByAlbum",
                keys("dynamodb:LeadingKeys", "A", "dynamodb:FullTableScan", "false"));
    }

    @Test
    void aDeniedStatementDoesNothing() {
        fixture.authorizer.denyAction("dynamodb:PartiQLInsert");

        DynamoException denied = assertThrows(DynamoException.class,
                () -> run("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Two'}"));

        assertEquals(ErrorType.ACCESS_DENIED, denied.type());
        assertNull(fixture.stored("Music", AuthorizationFixture.song("Acme", "Two")));
    }

    @Test
    void batchMembersAndTransactionsNameTheirEnclosingOperation() {
        fixture.authorizer.denyAction("dynamodb:PartiQLDelete");
        BatchExecuteStatementResponse batch = fixture.engine.batchExecuteStatement(new BatchExecuteStatementRequest(List.of(
                new BatchStatementRequest("INSERT INTO Scores VALUE {'Id': 1}", null, null, null),
                new BatchStatementRequest("DELETE FROM Scores WHERE Id = 2", null, null, null)), null), CONTEXT);

        assertNull(batch.responses().get(0).error());
        assertEquals("AccessDenied", batch.responses().get(1).error().code());
        assertRequest(fixture.authorizer.calls.get(0).requests().get(0), "dynamodb:PartiQLInsert", SCORES_ARN,
                keys("dynamodb:LeadingKeys", "1", "dynamodb:EnclosingOperation", "BatchExecuteStatement"));

        run("INSERT INTO Music VALUE {'Artist': 'x', 'SongTitle': 'y', 'Plays': 1}");
        fixture.authorizer.calls.clear();
        fixture.engine.executeTransaction(new ExecuteTransactionRequest(List.of(
                new ParameterizedStatement("UPDATE Scores SET v = 1 WHERE Id = 1", null, null),
                new ParameterizedStatement("EXISTS(SELECT * FROM Music WHERE Artist = 'x' AND SongTitle = 'y' AND Plays = 1)", null, null)),
                null, null), CONTEXT);
        List<AuthorizationRequest> requests = only(2);
        assertRequest(requests.get(0), "dynamodb:PartiQLUpdate", SCORES_ARN,
                keys("dynamodb:LeadingKeys", "1", "dynamodb:EnclosingOperation", "ExecuteTransaction"));
        assertRequest(requests.get(1), "dynamodb:PartiQLSelect", MUSIC_ARN,
                keys("dynamodb:LeadingKeys", "x", "dynamodb:EnclosingOperation", "ExecuteTransaction"));
    }

    private void run(String statement) {
        fixture.authorizer.calls.clear();
        fixture.engine.executeStatement(new ExecuteStatementRequest(statement, null, null, null, null, null, null), CONTEXT);
    }

    private AuthorizationRequest only() {
        return only(1).get(0);
    }

    private List<AuthorizationRequest> only(int expected) {
        List<AuthorizationRequest> requests = fixture.authorizer.onlyCall();
        assertEquals(expected, requests.size(), requests::toString);
        return requests;
    }
}
