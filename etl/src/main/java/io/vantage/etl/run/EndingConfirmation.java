package io.vantage.etl.run;

import java.util.Map;

/**
 * An admin's yes to a run that ends more than the allowed share of a kind. From the run page it confirms what a
 * held run showed: this run may end up to as many rows of each kind as that one would have, and stops again if the
 * export now ends more. From the command line ({@code --confirm-ending}) it allows any amount.
 *
 * @param heldRunId the run whose counts were confirmed, or null
 * @param upTo      kind (users, experiments, ...) → rows it may end; null = no bound
 */
public record EndingConfirmation(Long heldRunId, Map<String, Long> upTo) {

    public EndingConfirmation {
        upTo = upTo == null ? null : Map.copyOf(upTo);
    }

    public static EndingConfirmation any() {
        return new EndingConfirmation(null, null);
    }

    public static EndingConfirmation of(long heldRunId, Map<String, Long> upTo) {
        return new EndingConfirmation(heldRunId, upTo);
    }

    boolean allows(String kind, long ended) {
        return upTo == null || ended <= upTo.getOrDefault(kind, 0L);
    }
}
