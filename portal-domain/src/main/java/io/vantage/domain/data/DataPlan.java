package io.vantage.domain.data;

import java.util.List;

/**
 * The data folders an instance gets, and, for people, what it will not get and why (no store covers an instrument,
 * a dataset's folder on no store).
 */
public record DataPlan(List<DataFolder> folders, List<String> notes) {

    public DataPlan {
        folders = List.copyOf(folders);
        notes = List.copyOf(notes);
    }
}
