package io.vantage.etl.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vantage.etl.config.EtlProperties.Ending;
import io.vantage.etl.load.Merger;
import io.vantage.etl.model.EntityType;

/**
 * The bound on ending: a run that would end more than {@code max-percent} of the active rows of a kind (and more
 * than {@code min-rows}) stops before changing anything, unless an admin confirmed it. A truncated export must never
 * strip a facility's people of their access.
 */
final class EndingLimits {

    /** One kind over the limit: "1,900 of 2,000 users (95.0 %)". */
    record Excess(EntityType entity, long ended, long total) {

        String describe() {
            return String.format("%,d of %,d %s (%.1f %%)", ended, total, plural(entity), 100.0 * ended / total);
        }
    }

    private final Ending limits;

    EndingLimits(Ending limits) {
        this.limits = limits;
    }

    List<Excess> excesses(Map<EntityType, Merger.Ending> endings, EndingConfirmation confirmation) {
        List<Excess> over = new ArrayList<>();
        endings.forEach((entity, ending) -> {
            long total = ending.ended() + ending.stillActive();
            boolean tooMany = ending.ended() > limits.minRows() && 100.0 * ending.ended() > limits.maxPercent() * total;
            if (tooMany && (confirmation == null || !confirmation.allows(entity.key(), ending.ended()))) {
                over.add(new Excess(entity, ending.ended(), total));
            }
        });
        return over;
    }

    String allowed() {
        return String.format("%s %%", limits.maxPercent() % 1 == 0 ? String.valueOf((long) limits.maxPercent())
                : String.valueOf(limits.maxPercent()));
    }

    static String plural(EntityType entity) {
        return switch (entity) {
            case USERS -> "people";
            case ROLES -> "role grants";
            case INSTRUMENT_SCIENTISTS -> "instrument scientists";
            case EXPERIMENT_MEMBERS -> "experiment memberships";
            default -> entity.key();
        };
    }
}
