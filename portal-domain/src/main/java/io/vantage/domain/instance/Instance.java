package io.vantage.domain.instance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.springframework.data.domain.AbstractAggregateRoot;

import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.user.User;

/**
 * An analysis machine and who may use it. All state changes go through the guarded methods here; each real change
 * registers an {@link InstanceStateChanged} event that is published when the instance is saved.
 *
 * <p>Its lifetime (end of life, last use) has one writer, the portal's expiry module: it calls
 * {@link #startLifetime}, {@link #extendUntil} and {@link #endWithMachine}, and writes the last use through
 * {@code InstanceActivityRepository} (in batches, without the version), which is why those columns are read-only here.
 */
@Entity
@Table(name = "instances")
public class Instance extends AbstractAggregateRoot<Instance> {


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String uid;
    private String name;
    private String comments;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id")
    private CloudProviderRecord provider;

    private String computeId;
    private String ipAddress;
    @Enumerated(EnumType.STRING)
    private InstanceState state;
    private String stateReason;
    private int screenWidth;
    private int screenHeight;
    private String keyboardLayout;
    private String accessSecret;
    private Instant createdAt;
    private Instant activatedAt;
    @Column(updatable = false)
    private Instant lastSeenAt;
    @Column(updatable = false)
    private Instant lastInteractionAt;
    private Instant terminationDate;
    private boolean deleteRequested;
    private Instant deletedAt;
    @jakarta.persistence.Embedded
    private PoolState pool = PoolState.NONE;
    @Version
    private long version;

    @OneToMany(mappedBy = "instance", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<InstanceMember> members = new ArrayList<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "instance_experiments", joinColumns = @JoinColumn(name = "instance_id"),
            inverseJoinColumns = @JoinColumn(name = "experiment_id"))
    private Set<Experiment> experiments = new HashSet<>();

    protected Instance() {
    }

    /** A new instance in BUILDING, owned by {@code owner}; nothing exists in the cloud yet, no lifetime either. */
    public static Instance launch(String uid, String name, User owner, Plan plan, Collection<Experiment> experiments,
                                  Screen screen, String keyboardLayout, String accessSecret, Instant now) {
        Instance instance = new Instance(uid, plan);
        instance.assign(name, owner, experiments, screen, keyboardLayout, accessSecret, now);
        instance.registerEvent(new InstanceStateChanged(null, uid, null, InstanceState.BUILDING, "Launched", now));
        return instance;
    }

    /** A pool machine: no members, experiments or lifetime; the pool secret; hidden until {@link #handOver}. */
    public static Instance forPool(String uid, Plan plan, String poolSecret, Instant now) {
        Instance instance = new Instance(uid, plan);
        instance.configure("Pool machine", Screen.DEFAULT, "en-us-qwerty", Objects.requireNonNull(poolSecret), now);
        instance.pool = PoolState.waiting();
        return instance;
    }

    private Instance(String uid, Plan plan) {
        this.uid = uid;
        this.plan = Objects.requireNonNull(plan, "plan");
        this.provider = plan.getImage().getProvider();
        this.state = InstanceState.BUILDING;
    }

    /**
     * A launch takes this ready pool machine; STARTING until the machine confirms ({@link #handedOver}). Its lifetime
     * and inactivity clock start with the expiry module's {@link #startLifetime}.
     */
    public void handOver(String newName, User owner, Collection<Experiment> chosen, Screen screen, String layout,
                         String ownerSecret, String nonce, Instant now) {
        require(pool.isWaiting() && state == InstanceState.ACTIVE, "hand over", "it is not a ready pool machine");
        PoolState taken = pool.takenWith(accessSecret, nonce, now);
        assign(newName, owner, chosen, screen, layout, ownerSecret, now);
        pool = taken;
        transitionTo(InstanceState.STARTING, "Handing a prepared machine over", now);
        registerEvent(new InstanceHandedOver(id, uid, owner.getId(), now));
    }

    /** The machine serves with the owner's settings: the pool secret and nonce are forgotten. */
    public void handedOver(String ip, Instant now) {
        pool = pool.done();
        markActive(ip, now);
    }

    private void assign(String newName, User owner, Collection<Experiment> chosen, Screen screen, String layout,
                        String secret, Instant now) {
        Objects.requireNonNull(owner, "owner");
        configure(newName, screen, layout, secret, now);
        experiments = new HashSet<>(chosen);
        members.add(new InstanceMember(this, owner, MemberRole.OWNER, now));
    }

    private void configure(String newName, Screen screen, String layout, String secret, Instant now) {
        rename(newName, null);
        screenWidth = screen.width();
        screenHeight = screen.height();
        keyboardLayout = layout;
        accessSecret = secret;
        createdAt = now;
        lastInteractionAt = now;
    }

    // --- actions people ask for -------------------------------------------------------------------------------

    public void requestStart(Instant now) {
        require(state == InstanceState.STOPPED, "start", "it is not stopped");
        transitionTo(InstanceState.STARTING, "Start requested", now);
    }

    public void requestStop(Instant now) {
        require(state.isRunning() || state == InstanceState.STARTING || state == InstanceState.ERROR
                || state == InstanceState.UNKNOWN, "stop", "it is not running");
        transitionTo(InstanceState.STOPPING, "Stop requested", now);
    }

    public void requestReboot(Instant now) {
        require(state.isRunning() || state == InstanceState.STARTING || state == InstanceState.ERROR
                || state == InstanceState.UNKNOWN, "reboot", "it is not running");
        transitionTo(InstanceState.REBOOTING, "Reboot requested", now);
    }

    /** A person asks; why it goes (as others are told) follows from its state and whether they are a member. */
    public void requestDeleteBy(String actorId, Instant now) {
        delete(DeletionCause.askedBy(state, roleOf(actorId).isPresent()), actorId, "Deleted by " + actorId, now);
    }

    /** The portal deletes it by itself, e.g. at the end of its lifetime. */
    public void expire(DeletionCause cause, String reason, Instant now) {
        delete(cause, null, reason, now);
    }

    /** The pool lets a machine nobody has taken go (failed, recycled, drained): no cause, nobody to tell. */
    public void retireFromPool(String reason, Instant now) {
        require(pool.isWaiting(), "retire", "it is not a waiting pool machine");
        delete(null, null, reason, now);
    }

    private void delete(DeletionCause cause, String actorId, String reason, Instant now) {
        require(state != InstanceState.DELETED && state != InstanceState.DELETING, "delete", "it is already being deleted");
        String failure = stateReason;
        deleteRequested = true;
        transitionTo(InstanceState.DELETING, reason, now);
        if (cause != null) {
            registerEvent(new InstanceDeletionRequested(id, uid, cause, actorId,
                    cause == DeletionCause.CLOUD_FAILURE && failure != null ? failure : reason, now));
        }
    }

    // --- what the cloud reports ---------------------------------------------------------------------------------

    public void markCreated(String newComputeId) {
        require(state == InstanceState.BUILDING || state == InstanceState.ERROR, "record the machine of",
                "it is not being built");
        this.computeId = Objects.requireNonNull(newComputeId, "computeId");
    }

    public void markStarting(String reason, Instant now) {
        transitionTo(InstanceState.STARTING, reason, now);
    }

    public void markActive(String ip, Instant now) {
        this.ipAddress = ip;
        if (activatedAt == null) {
            activatedAt = now;
        }
        transitionTo(InstanceState.ACTIVE, null, now);
    }

    public void markPartiallyActive(String ip, String reason, Instant now) {
        this.ipAddress = ip;
        transitionTo(InstanceState.PARTIALLY_ACTIVE, reason, now);
    }

    public void markRebooting(Instant now) {
        transitionTo(InstanceState.REBOOTING, "The machine is rebooting", now);
    }

    public void markStopped(Instant now) {
        transitionTo(InstanceState.STOPPED, null, now);
    }

    public void markError(String reason, Instant now) {
        transitionTo(InstanceState.ERROR, Objects.requireNonNullElse(reason, "The cloud reported an error"), now);
    }

    public void markUnknown(String reason, Instant now) {
        transitionTo(InstanceState.UNKNOWN, reason, now);
    }

    public void markDeleted(Instant now) {
        transitionTo(InstanceState.DELETED, stateReason, now);
        deletedAt = now;
    }

    /** Keeps the state but records why (e.g. the cloud is unreachable), so people see the truth. */
    public void explain(String reason) {
        this.stateReason = reason;
    }

    /** Keeps the state and shows the cloud's account of it (a job's place in the queue); open pages hear of it. */
    public void report(String reason, Instant now) {
        transitionTo(state, reason, now);
    }

    private void transitionTo(InstanceState next, String reason, Instant now) {
        if (state == next) {
            if (!Objects.equals(stateReason, reason)) {
                stateReason = reason;
                registerEvent(new InstanceStateChanged(id, uid, state, state, reason, now));
            }
            return;
        }
        if (!state.canBecome(next)) {
            throw new IllegalInstanceStateException(
                    "Instance " + uid + " cannot go from " + state + " to " + next, state);
        }
        InstanceState previous = state;
        state = next;
        stateReason = reason;
        registerEvent(new InstanceStateChanged(id, uid, previous, next, reason, now));
    }

    /** Adds an experiment whose data to show (callers check the owner may access it); false if it was there. */
    public boolean addExperiment(Experiment experiment) {
        require(state != InstanceState.DELETING && state != InstanceState.DELETED, "add an experiment to",
                "it is being deleted");
        return experiments.stream().noneMatch(e -> e.getId().equals(experiment.getId())) && experiments.add(experiment);
    }

    private void require(boolean condition, String action, String why) {
        if (!condition) {
            throw new IllegalInstanceStateException(
                    "Cannot " + action + " instance '" + name + "': " + why + " (state " + state + ")", state);
        }
    }

    // --- activity and lifetime ----------------------------------------------------------------------------------

    /** The first end of life, at a launch or a pool machine's hand-over; the expiry module decides it. */
    public void startLifetime(Instant end, Instant now) {
        if (end != null && !end.isAfter(now)) {
            throw new IllegalArgumentException("The termination date must be in the future");
        }
        this.terminationDate = end;
    }

    public void extendUntil(Instant newTerminationDate, Instant now) {
        if (!newTerminationDate.isAfter(now)) {
            throw new IllegalArgumentException("The new termination date must be in the future");
        }
        require(state != InstanceState.DELETED && state != InstanceState.DELETING, "extend", "it is being deleted");
        this.terminationDate = newTerminationDate;
        registerEvent(new InstanceLifetimeChanged(id, uid, provider.getId(), newTerminationDate, now));
    }

    /** The cloud ends the machine then and would not move that: the end of life follows, the cloud not asked again. */
    public void endWithMachine(Instant machineEnd, Instant now) {
        if (machineEnd.isAfter(now) && state != InstanceState.DELETED && state != InstanceState.DELETING) {
            this.terminationDate = machineEnd;
        }
    }

    // --- members ------------------------------------------------------------------------------------------------

    public Optional<MemberRole> roleOf(String userId) {
        return members.stream().filter(m -> m.getUserId().equals(userId)).map(InstanceMember::getRole).findFirst();
    }

    public User owner() {
        return members.stream().filter(m -> m.getRole() == MemberRole.OWNER).map(InstanceMember::getUser)
                .findFirst().orElseThrow(() -> new IllegalStateException("Instance " + uid + " has no owner"));
    }

    /** Adds a member, or changes the role of one already there. The owner cannot be changed this way. */
    public InstanceMember share(User user, MemberRole role, Instant now) {
        return InstanceMember.share(this, members, user, role, now);
    }

    public void unshare(String userId) {
        InstanceMember.unshare(members, userId);
    }

    // --- getters ------------------------------------------------------------------------------------------------

    public Long getId() { return id; }
    public String getUid() { return uid; }
    public String getName() { return name; }

    public void rename(String newName, String newComments) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("An instance needs a name");
        }
        this.name = newName.strip();
        this.comments = newComments;
    }

    public String getComments() { return comments; }
    public Plan getPlan() { return plan; }
    public CloudProviderRecord getProvider() { return provider; }
    public String getComputeId() { return computeId; }
    public String getIpAddress() { return ipAddress; }
    public InstanceState getState() { return state; }
    public String getStateReason() { return stateReason; }

    public Screen getScreen() {
        return new Screen(screenWidth, screenHeight);
    }

    public String getKeyboardLayout() { return keyboardLayout; }
    public String getAccessSecret() { return accessSecret; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getActivatedAt() { return activatedAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }
    public Instant getLastInteractionAt() { return lastInteractionAt; }
    public Instant getTerminationDate() { return terminationDate; }
    public boolean isDeleteRequested() { return deleteRequested; }
    public Instant getDeletedAt() { return deletedAt; }
    public List<InstanceMember> getMembers() { return List.copyOf(members); }
    public Set<Experiment> getExperiments() { return Set.copyOf(experiments); }
    public PoolState getPool() { return pool; }
    public long getVersion() { return version; }
}
