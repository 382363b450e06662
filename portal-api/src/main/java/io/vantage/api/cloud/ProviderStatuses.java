package io.vantage.api.cloud;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;

/** Every provider's status from the database and the registry: two queries, no cloud asked. */
@Component
public class ProviderStatuses {

    private final CloudProviderRecordRepository records;
    private final ProviderRegistry registry;
    private final CloudSnapshotRepository snapshots;

    ProviderStatuses(CloudProviderRecordRepository records, ProviderRegistry registry,
                     CloudSnapshotRepository snapshots) {
        this.records = records;
        this.registry = registry;
        this.snapshots = snapshots;
    }

    public List<ProviderStatus> all() {
        Map<Long, CloudSnapshot> all = snapshots.all();
        return records.findAllByOrderByName().stream().map(record -> of(record, all.get(record.getId()))).toList();
    }

    public ProviderStatus of(CloudProviderRecord record) {
        return of(record, snapshots.find(record.getId()).orElse(null));
    }

    private ProviderStatus of(CloudProviderRecord record, CloudSnapshot snapshot) {
        String problem = registry.problem(record.getId()).orElse(null);
        if (problem != null) {
            return new ProviderStatus(record.getId(), record.getName(), record.getType(), record.isEnabled(), false,
                    false, problem, null, null, null, null);
        }
        if (snapshot == null) {
            return new ProviderStatus(record.getId(), record.getName(), record.getType(), true, true, false,
                    "Not asked yet", null, null, null, null);
        }
        String message = snapshot.limitsProblem() == null ? snapshot.message()
                : snapshot.message() + "; its limits could not be read: " + snapshot.limitsProblem();
        return new ProviderStatus(record.getId(), record.getName(), record.getType(), true, true, snapshot.up(),
                message, snapshot.checkedAt(), snapshot.latencyMs(), snapshot.limits(), snapshot.limitsAt());
    }
}
