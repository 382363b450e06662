package io.vantage.etl.extract.rest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

import io.vantage.etl.extract.JsonValues;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Schema;

/**
 * Where each field of an entity sits in an API's items: a JSON pointer ({@code /name/last}) or a dotted path
 * ({@code name.last}, {@code periods.0.start}); a leading {@code ^} reads from the enclosing item when records come
 * from a nested array. Unmapped fields are read from the property of the same name.
 */
final class FieldMapping {

    private record Target(JsonPointer pointer, boolean parent) {
    }

    private final Map<String, Target> targets = new LinkedHashMap<>();

    FieldMapping(EntityType entity, Map<String, String> configured) {
        Map<String, String> byName = new HashMap<>();
        configured.forEach((name, expression) -> byName.put(name.replace('-', '_'), expression));
        for (String name : byName.keySet()) {
            if (!Schema.fieldNames(entity).contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a field of " + entity.key()
                        + "; its fields are " + String.join(", ", Schema.fieldNames(entity)));
            }
        }
        for (String field : Schema.fieldNames(entity)) {
            String expression = byName.getOrDefault(field, "/" + field);
            boolean parent = expression.startsWith("^");
            targets.put(field, new Target(pointer(parent ? expression.substring(1) : expression), parent));
        }
    }

    /** {@code a.b.0} → {@code /a/b/0}; a pointer stays as it is. */
    static JsonPointer pointer(String expression) {
        if (expression == null || expression.isEmpty()) {
            return JsonPointer.empty();
        }
        if (expression.startsWith("/")) {
            return JsonPointer.compile(expression);
        }
        StringBuilder pointer = new StringBuilder();
        for (String step : expression.split("\\.")) {
            pointer.append('/').append(step.replace("~", "~0").replace("/", "~1"));
        }
        return JsonPointer.compile(pointer.toString());
    }

    void map(JsonNode item, JsonNode parent, Map<String, String> values, Map<String, String> problems) {
        targets.forEach((field, target) -> {
            JsonNode from = target.parent() ? parent : item;
            JsonValues.put(field, from == null ? null : from.at(target.pointer()), values, problems);
        });
    }
}
