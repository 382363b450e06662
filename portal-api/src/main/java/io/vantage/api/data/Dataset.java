package io.vantage.api.data;

import java.util.List;

/**
 * A dataset as SciCat describes it (v3 {@code /Datasets/{pid}}): where its files are and whose it is.
 *
 * @param proposalId   may be missing; {@code ownerGroup} is then taken as the proposal (SciCat's convention)
 */
record Dataset(String pid, String sourceFolder, String proposalId, String ownerGroup, List<String> accessGroups,
               String instrumentId, String name) {

    String proposal() {
        return proposalId != null ? proposalId : ownerGroup;
    }
}
