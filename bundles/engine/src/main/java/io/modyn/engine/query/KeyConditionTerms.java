package io.modyn.engine.query;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.ConditionParser;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.ast.Comparator;
import io.modyn.engine.expr.ast.Condition;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.ast.PathElement;
import io.modyn.engine.query.KeyConditionTerm.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the terms of a key condition, from a KeyConditionExpression (conditions joined by AND,
 * each naming a key attribute on either side) or from one entry of the legacy KeyConditions,
 * with DynamoDB's messages for what a key condition may not contain. Which terms a key needs is
 * decided by the caller (table key or index key).
 */
public final class KeyConditionTerms {

    static final String KIND = "KeyConditionExpression";

    private KeyConditionTerms() {
    }

    public static List<KeyConditionTerm> parse(String expression, ExpressionAttributes attributes) {
        List<Condition> parts = new ArrayList<>();
        flattenAnd(ConditionParser.parse(expression, KIND), parts);
        List<KeyConditionTerm> terms = new ArrayList<>(parts.size());
        for (Condition part : parts) terms.add(term(part, attributes));
        return terms;
    }

    public static KeyConditionTerm legacy(String attribute, io.modyn.api.dynamodb.Condition condition) {
        String op = condition.comparisonOperator();
        List<AttributeValue> values = condition.attributeValueList() == null ? List.of() : condition.attributeValueList();
        Operator operator = switch (op == null ? "" : op) {
            case "EQ" -> Operator.EQ;
            case "LT" -> Operator.LT;
            case "LE" -> Operator.LE;
            case "GT" -> Operator.GT;
            case "GE" -> Operator.GE;
            case "BETWEEN" -> Operator.BETWEEN;
            case "BEGINS_WITH" -> Operator.BEGINS_WITH;
            default -> throw DynamoException.validation("Attempted conditional constraint is not an indexable operation");
        };
        int expected = operator == Operator.BETWEEN ? 2 : 1;
        if (values.size() != expected) {
            throw DynamoException.validation("One or more parameter values were invalid: Invalid number of argument(s) for the "
                    + op + " ComparisonOperator");
        }
        return new KeyConditionTerm(attribute, operator, values.get(0), expected == 2 ? values.get(1) : null);
    }

    public static DynamoException onePerKey() {
        return ExpressionErrors.invalid(KIND, "KeyConditionExpressions must only contain one condition per key");
    }

    /**
     * More conditions than the key has attributes, counted after the one-condition-per-key rule
     * (October 2026 capture, eu-west-2).
     */
    public static DynamoException tooManyConditions(int conditions, int keyAttributes) {
        return DynamoException.validation("The number of query conditions (" + conditions
                + ") exceeds the number of key attributes defined in the schema (" + keyAttributes + ")");
    }

    public static DynamoException missedKey(String key) {
        return DynamoException.validation("Query condition missed key schema element: " + key);
    }

    public static DynamoException unsupported() {
        return DynamoException.validation("Query key condition not supported");
    }

    private static KeyConditionTerm term(Condition part, ExpressionAttributes attributes) {
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
            AttributeValue value = value(valueSide, attributes);
            if (comparator != Comparator.EQ) requireKeyType(c.comparator().symbol(), value, true);
            return new KeyConditionTerm(keyAttribute(keySide, attributes), operator(comparator), value, null);
        }
        if (part instanceof Condition.Between b) {
            AttributeValue lower = value(b.lower(), attributes);
            AttributeValue upper = value(b.upper(), attributes);
            requireKeyType("BETWEEN", lower, true);
            requireKeyType("BETWEEN", upper, true);
            return new KeyConditionTerm(keyAttribute(b.operand(), attributes), Operator.BETWEEN, lower, upper);
        }
        if (part instanceof Condition.Function f) {
            if (!f.name().equals("begins_with")) throw invalidOperator(f.name());
            AttributeValue prefix = value(f.arguments().get(1), attributes);
            requireKeyType("begins_with", prefix, false);
            return new KeyConditionTerm(keyAttribute(f.arguments().get(0), attributes), Operator.BEGINS_WITH, prefix, null);
        }
        if (part instanceof Condition.Or) throw invalidOperator("OR");
        if (part instanceof Condition.Not) throw invalidOperator("NOT");
        if (part instanceof Condition.In) throw invalidOperator("IN");
        throw new IllegalStateException("AND is flattened before terms are read");
    }

    /**
     * DynamoDB checks a key condition's operands twice. An operand no key attribute could match
     * with this operator (a BOOL in an ordering comparison, a number in begins_with) is an
     * expression error naming the operator as written; an operand of a key type that is not the
     * attribute's type fails the schema check later ({@link KeyConditionTerm#checkType}).
     * Equality is left to the schema check.
     */
    private static void requireKeyType(String operator, AttributeValue value, boolean numbersOrdered) {
        boolean keyType = value instanceof AttributeValue.S || value instanceof AttributeValue.B
                || (numbersOrdered && value instanceof AttributeValue.N);
        if (!keyType) {
            throw ExpressionErrors.invalid(KIND, "Incorrect operand type for operator or function; operator or function: " + operator
                    + ", operand type: " + value.typeName());
        }
    }

    private static String keyAttribute(Operand operand, ExpressionAttributes attributes) {
        if (!(operand instanceof Operand.Path path)) {
            if (operand instanceof Operand.Function) throw DynamoException.validation("KeyConditionExpressions cannot contain nested operations");
            throw ExpressionErrors.invalid(KIND, "Invalid condition in KeyConditionExpression: the key must be an attribute name");
        }
        if (!path.path().isTopLevel()) throw DynamoException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
        PathElement.Name name = path.path().first();
        return name.placeholder() ? attributes.name(name.text(), KIND) : name.text();
    }

    private static AttributeValue value(Operand operand, ExpressionAttributes attributes) {
        if (operand instanceof Operand.Value v) return attributes.value(v.placeholder(), KIND);
        if (operand instanceof Operand.Function f) throw invalidOperator(f.name());
        throw ExpressionErrors.invalid(KIND, "Invalid condition in KeyConditionExpression: the compared value must be an expression attribute value");
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

    private static Operator operator(Comparator c) {
        return switch (c) {
            case EQ -> Operator.EQ;
            case LT -> Operator.LT;
            case LE -> Operator.LE;
            case GT -> Operator.GT;
            case GE -> Operator.GE;
            case NE -> throw invalidOperator("<>");
        };
    }

    private static DynamoException invalidOperator(String operator) {
        return DynamoException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }
}
