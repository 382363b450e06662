package io.vantage.api.instance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceCommand;
import io.vantage.domain.instance.InstanceCommandRepository;
import io.vantage.domain.instance.InstanceExpiration;
import io.vantage.domain.instance.InstanceExpirationRepository;
import io.vantage.domain.instance.InstanceRepository;

/** Reads instances for the person asking, checking they may see them. */
@Service
public class InstanceQueries {

    private final InstanceRepository instances;
    private final InstanceExpirationRepository expirations;
    private final InstanceCommandRepository commands;
    private final InstanceViews views;
    private final AccessPolicy access;

    InstanceQueries(InstanceRepository instances, InstanceExpirationRepository expirations,
                    InstanceCommandRepository commands, InstanceViews views, AccessPolicy access) {
        this.instances = instances;
        this.expirations = expirations;
        this.commands = commands;
        this.views = views;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<InstanceView> mine(CurrentUser user) {
        List<Instance> visible = instances.findVisibleTo(user.id());
        Map<Long, InstanceExpiration> expiries = expirations.byInstanceId(visible);
        return visible.stream()
                .map(instance -> views.of(instance, user, Optional.ofNullable(expiries.get(instance.getId())))).toList();
    }

    @Transactional(readOnly = true)
    public InstanceView one(CurrentUser user, String uid) {
        Instance instance = visible(user, uid);
        return views.of(instance, user, expirations.findById(instance.getId()));
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, String uid) {
        Instance instance = visible(user, uid);
        return commands.findByInstanceIdOrderByCreatedAtDescIdDesc(instance.getId()).stream()
                .map(HistoryEntry::of).toList();
    }

    Instance visible(CurrentUser user, String uid) {
        Instance instance = instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
        access.requireView(user, instance);
        return instance;
    }

    /** One line of an instance's history: a command, who asked, and how it ended. */
    public record HistoryEntry(Long id, String type, String state, String actorId, String message, int attempts,
                               java.time.Instant createdAt, java.time.Instant finishedAt) {
        static HistoryEntry of(InstanceCommand command) {
            return new HistoryEntry(command.getId(), command.getType().name(), command.getState().name(),
                    command.getActorId(), command.getMessage(), command.getAttempts(), command.getCreatedAt(),
                    command.getFinishedAt());
        }
    }
}
