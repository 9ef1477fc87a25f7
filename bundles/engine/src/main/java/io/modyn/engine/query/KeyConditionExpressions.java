package io.modyn.engine.query;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyRange;
import io.modyn.engine.expr.ConditionParser;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.ast.Comparator;
import io.modyn.engine.expr.ast.Condition;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.ast.PathElement;
import io.modyn.engine.item.KeyEncoder;
import io.modyn.engine.item.KeySchemaRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Turns a KeyConditionExpression into a {@link KeyCondition}: an equality on the partition key,
 * optionally AND one of {@code = < <= > >= BETWEEN begins_with} on the sort key, in either order.
 */
public final class KeyConditionExpressions {

    private static final String KIND = "KeyConditionExpression";

    private KeyConditionExpressions() {
    }

    public static KeyCondition parse(String expression, TableDefinition table, ExpressionAttributes attributes) {
        Condition condition = ConditionParser.parse(expression, KIND);
        List<Condition> parts = new ArrayList<>();
        flattenAnd(condition, parts);
        String partitionKey = table.partitionKeyName();
        String sortKey = table.sortKeyName();
        List<KeyTerm> terms = parts.stream().map(part -> term(part, attributes)).toList();
        if (terms.stream().map(KeyTerm::attribute).distinct().count() < terms.size()) throw onePerKey();
        if (parts.size() > 2) throw DynamoException.validation("Conditions can be of length 1 or 2 only");
        if (terms.stream().noneMatch(t -> t.attribute.equals(partitionKey))) throw missedKey(partitionKey);
        AttributeValue partitionValue = null;
        SortKeyCondition sortCondition = null;
        for (KeyTerm term : terms) {
            if (term.attribute.equals(partitionKey)) {
                if (partitionValue != null) throw onePerKey();
                if (term.condition.operator() != SortKeyCondition.Operator.EQ) {
                    throw DynamoException.validation("Query key condition not supported");
                }
                partitionValue = term.condition.first();
                checkType(table, partitionKey, partitionValue);
            } else if (term.attribute.equals(sortKey)) {
                if (sortCondition != null) throw onePerKey();
                sortCondition = term.condition;
                checkType(table, sortKey, sortCondition.first());
                if (sortCondition.second() != null) checkType(table, sortKey, sortCondition.second());
                checkSortOperator(sortCondition);
            } else if (sortKey != null) {
                throw missedKey(sortKey);
            } else {
                throw DynamoException.validation("Query key condition not supported");
            }
        }
        if (partitionValue == null) throw missedKey(partitionKey);
        byte[] partition = KeySchemaRules.encode(partitionKey, partitionValue, true);
        KeyRange range = sortCondition == null ? KeyRange.all() : sortCondition.toRange(sortKey);
        return new KeyCondition(partitionValue, partition, range);
    }

    private record KeyTerm(String attribute, SortKeyCondition condition) {
    }

    private static KeyTerm term(Condition part, ExpressionAttributes attributes) {
        if (part instanceof Condition.Comparison c) {
            if (c.comparator() == Comparator.NE) throw invalidOperator(c.comparator().symbol());
            Operand keySide = c.left();
            Operand valueSide = c.right();
            Comparator comparator = c.comparator();
            if (keySide instanceof Operand.Value && valueSide instanceof Operand.Path) {
                keySide = c.right();
                valueSide = c.left();
                comparator = mirror(comparator);
            }
            String attribute = keyAttribute(keySide, attributes);
            AttributeValue value = value(valueSide, attributes);
            return new KeyTerm(attribute, new SortKeyCondition(operator(comparator), value, null));
        }
        if (part instanceof Condition.Between b) {
            String attribute = keyAttribute(b.operand(), attributes);
            AttributeValue lower = value(b.lower(), attributes);
            AttributeValue upper = value(b.upper(), attributes);
            return new KeyTerm(attribute, new SortKeyCondition(SortKeyCondition.Operator.BETWEEN, lower, upper));
        }
        if (part instanceof Condition.Function f) {
            if (!f.name().equals("begins_with")) throw invalidOperator(f.name());
            String attribute = keyAttribute(f.arguments().get(0), attributes);
            AttributeValue prefix = value(f.arguments().get(1), attributes);
            return new KeyTerm(attribute, new SortKeyCondition(SortKeyCondition.Operator.BEGINS_WITH, prefix, null));
        }
        if (part instanceof Condition.Or) throw invalidOperator("OR");
        if (part instanceof Condition.Not) throw invalidOperator("NOT");
        if (part instanceof Condition.In) throw invalidOperator("IN");
        throw new IllegalStateException("AND is flattened before terms are read");
    }

    private static String keyAttribute(Operand operand, ExpressionAttributes attributes) {
        if (!(operand instanceof Operand.Path path)) {
            if (operand instanceof Operand.Function) throw DynamoException.validation("KeyConditionExpressions cannot contain nested operations");
            throw ExpressionErrors.invalid(KIND, "Invalid condition in KeyConditionExpression: the key must be an attribute name");
        }
        if (!path.path().isTopLevel()) {
            throw DynamoException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        PathElement.Name name = path.path().first();
        return name.placeholder() ? attributes.name(name.text(), KIND) : name.text();
    }

    private static AttributeValue value(Operand operand, ExpressionAttributes attributes) {
        if (operand instanceof Operand.Value v) return attributes.value(v.placeholder(), KIND);
        if (operand instanceof Operand.Function f) throw invalidOperator(f.name());
        throw ExpressionErrors.invalid(KIND, "Invalid condition in KeyConditionExpression: the compared value must be an expression attribute value");
    }

    private static void checkType(TableDefinition table, String attribute, AttributeValue value) {
        if (!table.attributeType(attribute).equals(value.typeName())) {
            throw DynamoException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    private static void checkSortOperator(SortKeyCondition condition) {
        if (condition.operator() == SortKeyCondition.Operator.BEGINS_WITH && condition.first() instanceof AttributeValue.N) {
            throw ExpressionErrors.invalid(KIND,
                    "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        }
        if (condition.operator() == SortKeyCondition.Operator.BETWEEN && compare(condition.first(), condition.second()) > 0) {
            throw ExpressionErrors.invalid(KIND, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                    + "lower bound operand: AttributeValue: {" + render(condition.first()) + "}, upper bound operand: AttributeValue: {"
                    + render(condition.second()) + "}");
        }
    }

    private static int compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) return x.value().compareTo(y.value());
        return Arrays.compareUnsigned(KeyEncoder.encode(a), KeyEncoder.encode(b));
    }

    private static String render(AttributeValue v) {
        if (v instanceof AttributeValue.S s) return "S:" + s.value();
        if (v instanceof AttributeValue.N n) return "N:" + n.text();
        if (v instanceof AttributeValue.B b) return "B:" + Base64.getEncoder().encodeToString(b.value());
        return v.toString();
    }

    private static void flattenAnd(Condition condition, List<Condition> parts) {
        if (condition instanceof Condition.And and) {
            flattenAnd(and.left(), parts);
            flattenAnd(and.right(), parts);
        } else {
            parts.add(condition);
        }
    }

    private static Comparator mirror(Comparator c) {
        return switch (c) {
            case LT -> Comparator.GT;
            case LE -> Comparator.GE;
            case GT -> Comparator.LT;
            case GE -> Comparator.LE;
            default -> c;
        };
    }

    private static SortKeyCondition.Operator operator(Comparator c) {
        return switch (c) {
            case EQ -> SortKeyCondition.Operator.EQ;
            case LT -> SortKeyCondition.Operator.LT;
            case LE -> SortKeyCondition.Operator.LE;
            case GT -> SortKeyCondition.Operator.GT;
            case GE -> SortKeyCondition.Operator.GE;
            case NE -> throw invalidOperator("<>");
        };
    }

    private static DynamoException invalidOperator(String operator) {
        return DynamoException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static DynamoException onePerKey() {
        return DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
    }

    private static DynamoException missedKey(String key) {
        return DynamoException.validation("Query condition missed key schema element: " + key);
    }
}
