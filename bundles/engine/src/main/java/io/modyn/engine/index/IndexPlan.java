package io.modyn.engine.index;

import io.modyn.api.model.SecondaryIndex;
import java.util.List;

/** The validated secondary indexes of a CreateTable request. */
public record IndexPlan(List<SecondaryIndex> globalSecondaryIndexes, List<SecondaryIndex> localSecondaryIndexes) {
}
