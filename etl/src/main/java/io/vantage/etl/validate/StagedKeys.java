package io.vantage.etl.validate;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Field;
import io.vantage.etl.model.Schema;

/**
 * What the row checks saw of identities while the rows streamed by, so the checks across rows in SQL run only when
 * something may be wrong: a key seen twice (maybe a duplicate), a reference not among the records staged before it,
 * a rejected record without identity. Keys are kept as 64-bit hashes. A hash can only err towards caution for
 * duplicates (two ids sharing a hash make the SQL check run); for references, the foreign keys of the portal's
 * tables still stop a record that slipped through, and the run then aborts with that record named.
 */
public final class StagedKeys {

    private final Set<EntityType> imported;
    private final Map<EntityType, int[]> keyPositions = new EnumMap<>(EntityType.class);
    private final Map<EntityType, LongSet> keys = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Set<String>> rejectedIds = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Long> rejected = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Set<String>> missingReferences = new EnumMap<>(EntityType.class);
    private final Set<EntityType> seenTwice = EnumSet.noneOf(EntityType.class);
    private final Map<EntityType, String> firstWithoutIdentity = new EnumMap<>(EntityType.class);

    public StagedKeys(Set<EntityType> imported) {
        this.imported = imported;
    }

    /** One staged row (schema order), in load order: every kind's rows come after those of the kinds it refers to. */
    public void row(EntityType entity, String[] row, boolean bad, String source, String location) {
        int[] key = keyPositions.computeIfAbsent(entity, Schema::keyPositions);
        List<Field> fields = Schema.fields(entity);
        String first = row[key[0]];
        String second = key.length == 1 ? null : row[key[1]];
        if (first == null || (key.length == 2 && second == null)) {
            firstWithoutIdentity.putIfAbsent(entity, source + " " + location);
        } else if (!keys.computeIfAbsent(entity, e -> new LongSet()).add(LongSet.hash(first, second))) {
            seenTwice.add(entity);
        }
        if (bad) {
            rejected.merge(entity, 1L, Long::sum);
            if (key.length == 1 && first != null) {
                rejectedIds.computeIfAbsent(entity, e -> new HashSet<>()).add(first);
            }
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (field.ref() != null && row[i] != null && imported.contains(field.ref())
                    && !found(field.ref(), row[i])) {
                missingReferences.computeIfAbsent(entity, e -> new HashSet<>()).add(field.name());
            }
        }
    }

    /** After a kind is staged: its keys are kept only while kinds staged later refer to it. */
    public void staged(EntityType entity) {
        if (Schema.referrers(entity).stream().noneMatch(imported::contains)) {
            keys.remove(entity);
        }
    }

    private boolean found(EntityType target, String id) {
        LongSet ids = keys.get(target);
        return ids != null && ids.contains(LongSet.hash(id, null))
                && !rejectedIds.getOrDefault(target, Set.of()).contains(id);
    }

    /** False only when no key of {@code entity} was seen twice. */
    public boolean mayHaveDuplicates(EntityType entity) {
        return seenTwice.contains(entity);
    }

    /** True when every value of {@code field} named a record staged, and not rejected, by the row checks. */
    public boolean referencesFound(EntityType entity, String field) {
        return !missingReferences.getOrDefault(entity, Set.of()).contains(field);
    }

    /** Rows the row checks rejected. */
    public long rejected(EntityType entity) {
        return rejected.getOrDefault(entity, 0L);
    }

    /** "users.csv line 5" of the first rejected row without identity, or null. */
    public String firstWithoutIdentity(EntityType entity) {
        return firstWithoutIdentity.get(entity);
    }
}
