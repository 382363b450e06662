package io.vantage.api.data;

import java.util.List;

/**
 * What an "Analyse in Vantage" link opens: the experiment the launch wizard starts with, the dataset whose folder the
 * instance shows, and the person's running instances for that experiment, offered instead of a new one.
 *
 * @param pid           the link's identifier as given (a SciCat PID or a DOI)
 * @param source        {@code dataset} (from the catalogue), {@code experiment} or {@code proposal} (a DOI the portal
 *                      knows)
 * @param experimentId  the experiment chosen for the wizard
 * @param otherExperiments the person's other experiments of the same proposal, which the wizard also offers
 * @param datasetPid    the dataset launched with ({@code datasetPids} of the launch), or null for a DOI
 * @param sourceFolder  the dataset's folder as the catalogue names it, or null
 * @param folder        where an instance shows it ({@code ~/data/EXP-1/scan-7}), or null with {@code note} saying why
 */
public record OpenTarget(String pid, String source, String title, String proposalId, String experimentId,
                         List<String> otherExperiments, String datasetPid, String sourceFolder, String folder,
                         String note, List<RunningInstance> running) {

    /** An instance of the person's that already has the experiment. */
    public record RunningInstance(String uid, String name, String state) {
    }
}
