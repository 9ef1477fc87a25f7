package io.modyn.engine.legacy;

import io.modyn.api.dynamodb.Condition;
import io.modyn.api.dynamodb.ExpectedAttributeValue;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.expr.eval.CompiledCondition;
import io.modyn.engine.expr.eval.Predicate;
import io.modyn.engine.expr.eval.ResolvedPath;
import io.modyn.engine.expr.eval.Values;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import io.modyn.engine.validation.RequestCheckFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the legacy conditional parameters: Expected (PutItem, UpdateItem, DeleteItem) and
 * QueryFilter/ScanFilter, combined with ConditionalOperator (AND by default). Each entry names a
 * top-level attribute literally (no document paths, no placeholders). Entries are validated in
 * request order with DynamoDB's messages; the compiled condition evaluates like its expression
 * counterpart ({@code Value} means {@code =}, {@code Exists: false} means
 * {@code attribute_not_exists}).
 */
public final class LegacyConditions {

    private static final String INVALID = "One or more parameter values were invalid: ";

    private LegacyConditions() {
    }

    /** @param expected the Expected map; null or empty means no condition */
    public static ItemCondition expected(Map<String, ExpectedAttributeValue> expected, String conditionalOperator) {
        checkConditionalOperator(expected, conditionalOperator);
        if (expected == null) return item -> true;
        ConstraintViolations violations = new ConstraintViolations();
        expected.forEach((name, entry) -> violations.oneOf("expected." + name + ".member.comparisonOperator",
                entry.comparisonOperator(), ComparisonOperator.NAMES));
        violations.throwIfAny();
        List<Predicate> predicates = new ArrayList<>();
        expected.forEach((name, entry) -> predicates.add(expectation(name, entry)));
        return combine(predicates, expected.keySet(), conditionalOperator);
    }

    /**
     * @param filter the QueryFilter or ScanFilter map; null or empty means no filter
     * @param parameter "QueryFilter" or "ScanFilter", for messages
     */
    public static ItemCondition filter(Map<String, Condition> filter, String conditionalOperator, String parameter) {
        checkConditionalOperator(filter, conditionalOperator);
        if (filter == null) return item -> true;
        ConstraintViolations violations = new ConstraintViolations();
        String path = Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
        filter.forEach((name, condition) -> {
            String member = path + "." + name + ".member.comparisonOperator";
            violations.notNull(member, condition.comparisonOperator()).oneOf(member, condition.comparisonOperator(), ComparisonOperator.NAMES);
        });
        violations.throwIfAny();
        List<Predicate> predicates = new ArrayList<>();
        filter.forEach((name, condition) -> {
            List<AttributeValue> values = condition.attributeValueList() == null ? List.of() : condition.attributeValueList();
            for (AttributeValue value : values) AttributeValueRules.check(value);
            ComparisonOperator operator = ComparisonOperator.valueOf(condition.comparisonOperator());
            predicates.add(comparison(name, operator, values));
        });
        return combine(predicates, filter.keySet(), conditionalOperator);
    }

    private static void checkConditionalOperator(Map<String, ?> conditions, String conditionalOperator) {
        if (conditionalOperator == null) return;
        new ConstraintViolations().oneOf("conditionalOperator", conditionalOperator, Enums.CONDITIONAL_OPERATOR).throwIfAny();
        if (conditions == null || conditions.isEmpty()) {
            throw DynamoException.validation("ConditionalOperator cannot be used without Filter or Expected");
        }
    }

    /** One Expected entry: either ComparisonOperator with its values, or Value and/or Exists. */
    private static Predicate expectation(String name, ExpectedAttributeValue entry) {
        if (entry.value() != null && entry.attributeValueList() != null) {
            throw RequestCheckFailure.of(INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + name);
        }
        if (entry.comparisonOperator() != null) {
            if (entry.exists() != null) {
                throw RequestCheckFailure.of(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + name);
            }
            ComparisonOperator operator = ComparisonOperator.valueOf(entry.comparisonOperator());
            if (entry.value() == null && entry.attributeValueList() == null
                    && operator != ComparisonOperator.NULL && operator != ComparisonOperator.NOT_NULL) {
                throw RequestCheckFailure.of(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: "
                        + operator + " for Attribute: " + name);
            }
            List<AttributeValue> values = entry.attributeValueList() != null ? entry.attributeValueList()
                    : entry.value() != null ? List.of(entry.value()) : List.of();
            for (AttributeValue value : values) AttributeValueRules.check(value);
            return comparison(name, operator, values);
        }
        if (entry.attributeValueList() != null) {
            throw DynamoException.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
        }
        boolean exists = entry.exists() == null || entry.exists();
        if (exists && entry.value() == null) {
            throw RequestCheckFailure.of(INVALID + "Value must be provided when Exists is " + (entry.exists() == null ? "null" : "true")
                    + " for Attribute: " + name);
        }
        if (!exists && entry.value() != null) {
            throw RequestCheckFailure.of(INVALID + "Value cannot be used when Exists is false for Attribute: " + name);
        }
        if (!exists) return new Predicate.Not(new Predicate.Exists(ResolvedPath.of(name)));
        AttributeValueRules.check(entry.value());
        return ComparisonOperator.EQ.predicate(ResolvedPath.of(name), List.of(entry.value()));
    }

    /** Argument count, one type for all values, a type the operator accepts, BETWEEN bounds in order. */
    private static Predicate comparison(String name, ComparisonOperator operator, List<AttributeValue> values) {
        if (!operator.acceptsCount(values.size())) {
            throw RequestCheckFailure.of(INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        }
        if (values.stream().map(AttributeValue::typeName).distinct().count() > 1) {
            throw DynamoException.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
        }
        for (AttributeValue value : values) {
            if (!operator.acceptsType(value.typeName())) {
                throw DynamoException.validation(INVALID + "ComparisonOperator " + operator + " is not valid for " + value.typeName()
                        + " AttributeValue type");
            }
        }
        if (operator == ComparisonOperator.BETWEEN && Values.compare(values.get(0), values.get(1)) > 0) {
            throw DynamoException.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
        return operator.predicate(ResolvedPath.of(name), values);
    }

    private static ItemCondition combine(List<Predicate> predicates, Set<String> attributes, String conditionalOperator) {
        if (predicates.isEmpty()) return item -> true; // an empty Expected or filter always passes
        boolean any = "OR".equals(conditionalOperator);
        Predicate combined = predicates.get(0);
        for (Predicate next : predicates.subList(1, predicates.size())) {
            combined = any ? new Predicate.Or(combined, next) : new Predicate.And(combined, next);
        }
        return new CompiledCondition(combined, new LinkedHashSet<>(attributes), Set.of());
    }
}
