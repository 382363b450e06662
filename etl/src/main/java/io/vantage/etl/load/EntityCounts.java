package io.vantage.etl.load;

/**
 * What a run did to one entity.
 *
 * @param received  valid rows in the import (rows with problems are not counted here)
 * @param inserted  new rows
 * @param updated   rows whose imported columns changed, or that came back after having ended
 * @param unchanged rows already up to date (a PORTAL role grant of the same role counts here: it is left alone)
 * @param ended     rows no longer listed: marked ended_at (proposals, experiments, members), expired (role
 *                  grants) or removed (instrument scientists, which have no end date)
 */
public record EntityCounts(long received, long inserted, long updated, long unchanged, long ended) {

    public boolean changedSomething() {
        return inserted + updated + ended > 0;
    }
}
