package io.modyn.engine.partiql;

import io.modyn.engine.operation.DeleteItemOperation;
import io.modyn.engine.operation.GetItemOperation;
import io.modyn.engine.operation.PutItemOperation;
import io.modyn.engine.operation.QueryOperation;
import io.modyn.engine.operation.ScanOperation;
import io.modyn.engine.operation.TransactGetItemsOperation;
import io.modyn.engine.operation.TransactWriteItemsOperation;
import io.modyn.engine.operation.UpdateItemOperation;

/** The engine operations PartiQL statements run as; the engine's own instances, shared. */
public record ItemOperations(GetItemOperation get, QueryOperation query, ScanOperation scan, PutItemOperation put,
                             UpdateItemOperation update, DeleteItemOperation delete, TransactWriteItemsOperation transactWrite,
                             TransactGetItemsOperation transactGet) {
}
