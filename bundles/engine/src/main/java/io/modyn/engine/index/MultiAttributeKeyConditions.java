package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key conditions on a global index with a multi-attribute key (DynamoDB, November 2025): an
 * equality on every partition attribute, and conditions on the sort attributes from the first one
 * on, without gaps, where only the last condition given may be something other than an equality
 * ({@code < <= > >= BETWEEN begins_with}). A missing attribute is reported as DynamoDB reports a
 * missing key element; other violations as an unsupported key condition.
 */
final class MultiAttributeKeyConditions {

    private static final String KIND = "KeyConditionExpression";

    enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** One condition on one key attribute. */
    record Term(String attribute, Operator operator, AttributeValue first, AttributeValue second) {
    }

    private MultiAttributeKeyConditions() {
    }

    static IndexKeyCondition fromExpression(String expression, TableIndex index, ExpressionAttributes attributes) {
        List<Condition> parts = new ArrayList<>();
        flattenAnd(ConditionParser.parse(expression, KIND), parts);
        List<Term> terms = new ArrayList<>();
        for (Condition part : parts) terms.add(term(part, attributes));
        return build(index, terms);
    }

    static IndexKeyCondition fromLegacy(Map<String, io.modyn.api.dynamodb.Condition> conditions, TableIndex index) {
        List<Term> terms = new ArrayList<>();
        conditions.forEach((attribute, condition) -> terms.add(legacyTerm(attribute, condition)));
        return build(index, terms);
    }

    private static IndexKeyCondition build(TableIndex index, List<Term> terms) {
        Map<String, Term> byAttribute = new LinkedHashMap<>();
        for (Term term : terms) {
            if (byAttribute.put(term.attribute(), term) != null) {
                throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
            }
        }
        List<String> partitionNames = index.partitionKeyNames();
        List<String> sortNames = index.sortKeyNames();
        for (String name : partitionNames) if (!byAttribute.containsKey(name)) throw missedKey(name);
        // Sort attributes are used left to right: every one before the last one named needs an
        // equality condition (DynamoDB names the first that lacks one, and the last one named).
        int lastNamed = -1;
        for (int i = 0; i < sortNames.size(); i++) if (byAttribute.containsKey(sortNames.get(i))) lastNamed = i;
        for (int i = 0; i < lastNamed; i++) {
            Term earlier = byAttribute.get(sortNames.get(i));
            if (earlier == null || earlier.operator() != Operator.EQ) {
                throw DynamoException.validation("RANGE key attributes " + sortNames.get(i) + " must have equality conditions specified "
                        + "in the query because a condition is present on key attribute " + sortNames.get(lastNamed));
            }
        }
        int used = lastNamed + 1;
        for (String attribute : byAttribute.keySet()) {
            if (!partitionNames.contains(attribute) && !sortNames.contains(attribute)) {
                if (used < sortNames.size()) throw missedKey(sortNames.get(used));
                throw unsupported();
            }
        }
        for (Term term : terms) check(index, term);
        for (String name : partitionNames) if (byAttribute.get(name).operator() != Operator.EQ) throw unsupported();

        byte[] partition;
        if (partitionNames.size() == 1) {
            partition = encode(byAttribute.get(partitionNames.get(0)).first(), partitionNames.get(0), true);
        } else {
            List<byte[]> components = new ArrayList<>();
            for (String name : partitionNames) components.add(IndexKeyCodec.component(encode(byAttribute.get(name).first(), name, true)));
            partition = IndexKeyCodec.concat(components.toArray(byte[][]::new));
        }
        if (used == 0) return new IndexKeyCondition(partition, KeyRange.all());
        List<byte[]> prefix = new ArrayList<>();
        for (int i = 0; i + 1 < used; i++) {
            prefix.add(IndexKeyCodec.component(encode(byAttribute.get(sortNames.get(i)).first(), sortNames.get(i), false)));
        }
        Term last = byAttribute.get(sortNames.get(used - 1));
        return new IndexKeyCondition(partition, IndexKeyCodec.componentRange(IndexKeyCodec.concat(prefix.toArray(byte[][]::new)),
                valueRange(last)));
    }

    /** The range of encoded values a sort condition selects. */
    private static KeyRange valueRange(Term term) {
        byte[] a = encode(term.first(), term.attribute(), false);
        return switch (term.operator()) {
            case EQ -> KeyRange.exactly(a);
            case LT -> new KeyRange(null, false, a, false);
            case LE -> new KeyRange(null, false, a, true);
            case GT -> new KeyRange(a, false, null, false);
            case GE -> new KeyRange(a, true, null, false);
            case BETWEEN -> new KeyRange(a, true, encode(term.second(), term.attribute(), false), true);
            case BEGINS_WITH -> KeyRange.prefix(a);
        };
    }

    private static byte[] encode(AttributeValue value, String attribute, boolean partition) {
        return KeySchemaRules.encode(attribute, value, partition);
    }

    private static void check(TableIndex index, Term term) {
        String type = index.table().attributeType(term.attribute());
        if (!type.equals(term.first().typeName()) || (term.second() != null && !type.equals(term.second().typeName()))) {
            throw DynamoException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
        if (term.operator() == Operator.BEGINS_WITH && term.first() instanceof AttributeValue.N) {
            throw ExpressionErrors.invalid(KIND, "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        }
        if (term.operator() == Operator.BETWEEN && compare(term.first(), term.second()) > 0) {
            throw ExpressionErrors.invalid(KIND, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                    + "lower bound operand: AttributeValue: {" + render(term.first()) + "}, upper bound operand: AttributeValue: {"
                    + render(term.second()) + "}");
        }
    }

    private static Term term(Condition part, ExpressionAttributes attributes) {
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
            return new Term(keyAttribute(keySide, attributes), operator(comparator), value(valueSide, attributes), null);
        }
        if (part instanceof Condition.Between b) {
            return new Term(keyAttribute(b.operand(), attributes), Operator.BETWEEN, value(b.lower(), attributes), value(b.upper(), attributes));
        }
        if (part instanceof Condition.Function f) {
            if (!f.name().equals("begins_with")) throw invalidOperator(f.name());
            return new Term(keyAttribute(f.arguments().get(0), attributes), Operator.BEGINS_WITH, value(f.arguments().get(1), attributes), null);
        }
        if (part instanceof Condition.Or) throw invalidOperator("OR");
        if (part instanceof Condition.Not) throw invalidOperator("NOT");
        if (part instanceof Condition.In) throw invalidOperator("IN");
        throw new IllegalStateException("AND is flattened before terms are read");
    }

    private static Term legacyTerm(String attribute, io.modyn.api.dynamodb.Condition condition) {
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
        return new Term(attribute, operator, values.get(0), expected == 2 ? values.get(1) : null);
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

    private static DynamoException invalidOperator(String operator) {
        return DynamoException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static DynamoException unsupported() {
        return DynamoException.validation("Query key condition not supported");
    }

    private static DynamoException missedKey(String key) {
        return DynamoException.validation("Query condition missed key schema element: " + key);
    }
}
