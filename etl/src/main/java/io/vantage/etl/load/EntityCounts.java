package io.vantage.etl.load;

/**
 * What a run did to one entity. {@code received = inserted + updated + unchanged + rejected}.
 *
 * @param received  rows in the export
 * @param inserted  new rows
 * @param updated   rows whose imported columns changed, or that came back after having ended
 * @param unchanged rows already up to date (a PORTAL role grant of the same role counts here: it is left alone)
 * @param ended     rows no longer listed: marked ended (proposals, experiments, members, with the reason), inactive
 *                  (people), expired (role grants) or removed (instrument scientists, which have no end date)
 * @param rejected  rows with problems, skipped: they and what they touch are left as they were
 */
public record EntityCounts(long received, long inserted, long updated, long unchanged, long ended, long rejected) {

    public boolean changedSomething() {
        return inserted + updated + ended > 0;
    }
}
