package io.vantage.etl.model;

import static io.vantage.etl.model.Field.id;
import static io.vantage.etl.model.Field.of;
import static io.vantage.etl.model.Field.ref;
import static io.vantage.etl.model.Field.text;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.vantage.etl.model.Field.Kind;

/** The import format: the fields of each entity and what identifies a record. Documented in etl/README.md. */
public final class Schema {

    private static final Map<EntityType, List<Field>> FIELDS = new EnumMap<>(EntityType.class);
    private static final Map<EntityType, List<String>> KEYS = new EnumMap<>(EntityType.class);
    private static final Map<EntityType, int[]> KEY_POSITIONS = new EnumMap<>(EntityType.class);

    static {
        define(EntityType.EMPLOYERS, List.of("id"),
                id("id"), text("name", 255, true), text("town", 255, false), text("country_code", 8, false));
        define(EntityType.USERS, List.of("id"),
                id("id"), text("first_name", 255, false), text("last_name", 255, true),
                of("email", Kind.EMAIL, 320, false),
                ref("employer_id", EntityType.EMPLOYERS, false));
        define(EntityType.ROLES, List.of("user_id", "role"),
                ref("user_id", EntityType.USERS, true), of("role", Kind.ROLE, 64, true),
                of("expires_at", Kind.TIMESTAMP, false));
        define(EntityType.INSTRUMENTS, List.of("id"),
                id("id"), text("name", 255, true));
        define(EntityType.INSTRUMENT_SCIENTISTS, List.of("instrument_id", "user_id"),
                ref("instrument_id", EntityType.INSTRUMENTS, true), ref("user_id", EntityType.USERS, true));
        define(EntityType.PROPOSALS, List.of("id"),
                id("id"), of("title", Kind.MULTILINE_TEXT, 2000, true), of("summary", Kind.MULTILINE_TEXT, 0, false),
                text("doi", 255, false), of("public_at", Kind.DATE, false));
        define(EntityType.EXPERIMENTS, List.of("id"),
                id("id"), ref("proposal_id", EntityType.PROPOSALS, true),
                ref("instrument_id", EntityType.INSTRUMENTS, true), of("title", Kind.MULTILINE_TEXT, 2000, false),
                of("start_date", Kind.TIMESTAMP, true), of("end_date", Kind.TIMESTAMP, true), text("doi", 255, false));
        define(EntityType.EXPERIMENT_MEMBERS, List.of("experiment_id", "user_id"),
                ref("experiment_id", EntityType.EXPERIMENTS, true), ref("user_id", EntityType.USERS, true),
                of("role", Kind.MEMBER_ROLE, false));
    }

    private Schema() {
    }

    private static void define(EntityType entity, List<String> key, Field... fields) {
        FIELDS.put(entity, List.of(fields));
        KEYS.put(entity, key);
        List<String> names = java.util.Arrays.stream(fields).map(Field::name).toList();
        KEY_POSITIONS.put(entity, key.stream().mapToInt(names::indexOf).toArray());
    }

    /** Where the key's fields are in a row of {@code entity} (schema order). */
    public static int[] keyPositions(EntityType entity) {
        return KEY_POSITIONS.get(entity).clone();
    }

    public static List<Field> fields(EntityType entity) {
        return FIELDS.get(entity);
    }

    /** Fields that identify a record; two records with the same key are duplicates. */
    public static List<String> key(EntityType entity) {
        return KEYS.get(entity);
    }

    public static Set<String> fieldNames(EntityType entity) {
        return fields(entity).stream().map(Field::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Entities that refer to {@code entity} by id (users for employers, ...), in load order. */
    public static List<EntityType> referrers(EntityType entity) {
        return java.util.Arrays.stream(EntityType.values())
                .filter(e -> fields(e).stream().anyMatch(f -> f.ref() == entity)).toList();
    }

    public static Set<String> requiredFieldNames(EntityType entity) {
        return fields(entity).stream().filter(Field::required).map(Field::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
