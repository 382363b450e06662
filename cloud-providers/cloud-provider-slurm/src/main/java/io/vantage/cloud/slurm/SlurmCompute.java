package io.vantage.cloud.slurm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataAttachment;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.Tags;
import io.vantage.cloud.api.TimeLimits;
import tools.jackson.databind.JsonNode;

/**
 * Instances as batch jobs. Create submits (after looking for a job an earlier, unanswered submit made), delete
 * cancels; a job cannot be stopped or rebooted. Only jobs whose comment names this deployment are visible: another
 * deployment's or a person's own jobs are never read as instances, listed or cancelled.
 */
final class SlurmCompute implements Compute, TimeLimits {

    private static final Logger log = LoggerFactory.getLogger(SlurmCompute.class);
    static final Duration QUEUE_TTL = Duration.ofSeconds(10);

    private final SlurmSettings settings;
    private final ProviderContext context;
    private final SlurmHttp http;
    private final ApiDialect dialect;
    private final Nodes nodes;
    private final JobFactory jobs;
    private final JobStates states;
    private Queue queue;
    private Instant queueReadAt;

    SlurmCompute(SlurmSettings settings, ProviderContext context, SlurmHttp http, ApiDialect dialect, Nodes nodes) {
        this.settings = settings;
        this.context = context;
        this.http = http;
        this.dialect = dialect;
        this.nodes = nodes;
        this.jobs = new JobFactory(settings);
        this.states = new JobStates(context.clock());
    }

    @Override
    public CloudInstance create(CreateInstanceRequest request) {
        SlurmSettings.Image image = settings.images().get(request.imageId());
        if (image == null) {
            throw new CloudPermanentException("Unknown image '" + request.imageId() + "': this Slurm provider offers "
                    + settings.images().keySet());
        }
        SlurmSettings.Flavour flavour = settings.flavours().get(request.flavourId());
        if (flavour == null) {
            throw new CloudPermanentException("Unknown flavour '" + request.flavourId() + "': this Slurm provider "
                    + "offers " + settings.flavours().keySet());
        }
        DataLinks.check(request.dataMounts());
        String uid = request.metadata().instanceUid();
        List<SlurmJob> all = all();
        Optional<SlurmJob> earlier = newest(all, uid).filter(job -> !job.hasEnded());
        if (earlier.isPresent()) {
            log.info("Instance {} already has Slurm job {} (an earlier submit's answer was lost); adopting it", uid,
                    earlier.get().id());
            return states.of(earlier.get(), Queue.of(all), address(earlier.get()));
        }
        JobSpec spec = jobs.job(request, image, flavour);
        String user = jobs.jobUser(request.metadata());
        String action = "submit Slurm job " + spec.name();
        JsonNode answer = http.require(action, http.post(action, dialect.submit(), dialect.submitBody(spec), user));
        String jobId = Long.toString(ApiDialect.submittedJobId(answer).orElseThrow(() -> new CloudTransientException(
                "Could not " + action + ": slurmrestd's answer has no job id (" + SlurmErrors.describe(answer)
                        + "); the job, if any, is found by its name on the next attempt")));
        log.info("Submitted Slurm job {} for instance {} as user {}: {}", jobId, uid, user, spec);
        try {
            return get(jobId).orElseGet(() -> submitted(jobId, spec, request));
        } catch (CloudTransientException e) {
            return submitted(jobId, spec, request);
        }
    }

    @Override
    public Optional<CloudInstance> get(String computeId) {
        return job(computeId).map(job -> states.of(job, job.isPending() ? queueWith(job) : Queue.UNKNOWN,
                address(job)));
    }

    @Override
    public List<CloudInstance> list() {
        List<SlurmJob> all = all();
        Queue queue = Queue.of(all);
        return all.stream().filter(this::isOurs).filter(job -> !job.hasEnded())
                .map(job -> states.of(job, queue, address(job))).toList();
    }

    /** The newest job of this deployment named after the instance, live ones first. */
    @Override
    public Optional<CloudInstance> findByInstanceUid(String instanceUid) {
        List<SlurmJob> all = all();
        return newest(all, instanceUid).map(job -> states.of(job, Queue.of(all), address(job)));
    }

    private Optional<SlurmJob> newest(List<SlurmJob> all, String instanceUid) {
        String name = JobFactory.jobName(instanceUid);
        return all.stream().filter(job -> name.equals(job.name())).filter(this::isOurs)
                .filter(job -> instanceUid.equals(JobComment.parse(job.comment()).get(Tags.INSTANCE)))
                .max(Comparator.comparing((SlurmJob job) -> !job.hasEnded())
                        .thenComparingLong(job -> Long.parseLong(job.id())));
    }

    @Override
    public void start(String computeId) {
        throw unsupported("started again");
    }

    @Override
    public void stop(String computeId) {
        throw unsupported("stopped");
    }

    @Override
    public void reboot(String computeId) {
        throw unsupported("rebooted");
    }

    /**
     * A job's data links are made once, when its script starts, and a job can be neither restarted nor changed from
     * outside (the portal has no shell on the node): the person launches a new instance to see another experiment.
     */
    @Override
    public DataAttachment applyDataMounts(String computeId, List<DataMount> mounts) {
        return DataAttachment.UNSUPPORTED;
    }

    /** Cancels the job; a job that is gone, ended or not this deployment's is left alone. */
    @Override
    public void delete(String computeId) {
        Optional<SlurmJob> job = job(computeId);
        if (job.isEmpty() || job.get().hasEnded()) {
            return;
        }
        String action = "cancel Slurm job " + computeId;
        SlurmHttp.Answer answer = http.delete(action, dialect.job(computeId));
        if (answer.ok() || SlurmErrors.has(answer.body(), SlurmErrors.INVALID_JOB_ID)
                || SlurmErrors.has(answer.body(), SlurmErrors.ALREADY_DONE)) {
            log.info("Cancelled Slurm job {} of instance {}", computeId,
                    JobComment.parse(job.get().comment()).get(Tags.INSTANCE));
            return;
        }
        http.require(action, answer);
    }

    /** A running job's limit counts from its start; a pending job's from now (it has not started yet). */
    @Override
    public Instant setEnd(String computeId, Instant end) {
        SlurmJob job = job(computeId).filter(j -> !j.hasEnded()).orElseThrow(() -> new CloudPermanentException(
                "Slurm job " + computeId + " has ended or does not exist: its time limit cannot change"));
        Instant base = job.startTime() != null && !job.isPending() ? job.startTime() : context.clock().instant();
        int minutes = JobFactory.minutes(Duration.between(base, end));
        String action = "set the time limit of Slurm job " + computeId + " to " + minutes + " min";
        http.require(action, http.post(action, dialect.job(computeId), dialect.timeLimitBody(minutes),
                http.userName()));
        return base.plusSeconds(minutes * 60L);
    }

    /** A started job ends at its start plus its limit, which Slurm gives as its end time. */
    @Override
    public Optional<Instant> end(String computeId) {
        return job(computeId).filter(j -> !j.hasEnded() && !j.isPending()).map(SlurmJob::endTime);
    }

    /** This deployment's jobs that have not ended. */
    List<SlurmJob> liveJobs() {
        return all().stream().filter(this::isOurs).filter(job -> !job.hasEnded()).toList();
    }

    private Optional<SlurmJob> job(String computeId) {
        if (computeId == null || !computeId.matches("\\d+")) {
            return Optional.empty();
        }
        String action = "read Slurm job " + computeId;
        SlurmHttp.Answer answer = http.get(action, dialect.job(computeId));
        if (!answer.ok() && SlurmErrors.has(answer.body(), SlurmErrors.INVALID_JOB_ID)) {
            return Optional.empty();
        }
        JsonNode body = http.require(action, answer);
        for (JsonNode job : body.path("jobs")) {
            SlurmJob parsed = SlurmJob.of(job);
            if (parsed.id().equals(computeId)) {
                return Optional.of(parsed).filter(this::isOurs);
            }
        }
        return Optional.empty();
    }

    /**
     * The cluster's queue for the place of a waiting job, read at most every {@link #QUEUE_TTL} unless the job is
     * newer than the snapshot: the portal asks about each waiting instance every few seconds, and the whole job
     * list of a busy cluster is large.
     */
    private synchronized Queue queueWith(SlurmJob job) {
        Instant now = context.clock().instant();
        if (queue == null || queueReadAt.plus(QUEUE_TTL).isBefore(now) || queue.place(job).isEmpty()) {
            queue = Queue.of(all());
            queueReadAt = now;
        }
        return queue;
    }

    private List<SlurmJob> all() {
        JsonNode body = http.require("list Slurm jobs", http.get("list Slurm jobs", dialect.jobs()));
        List<SlurmJob> all = new ArrayList<>();
        body.path("jobs").forEach(job -> all.add(SlurmJob.of(job)));
        return all;
    }

    private boolean isOurs(SlurmJob job) {
        return context.deploymentId().equals(JobComment.parse(job.comment()).get(Tags.DEPLOYMENT));
    }

    private Optional<String> address(SlurmJob job) {
        boolean allocated = job.state().equals("RUNNING") || job.state().equals("CONFIGURING")
                || job.state().equals("COMPLETING");
        return allocated ? nodes.address(job.batchHost()) : Optional.empty();
    }

    /** What is known of a job just submitted when reading it back failed. */
    private static CloudInstance submitted(String jobId, JobSpec spec, CreateInstanceRequest request) {
        return new CloudInstance(jobId, spec.name(), CloudState.BUILDING, null, List.of(),
                request.metadata().tags(), null, "Submitted to Slurm as job " + jobId);
    }

    private static CloudPermanentException unsupported(String what) {
        return new CloudPermanentException("A Slurm job cannot be " + what + ": delete the instance and launch a new "
                + "one");
    }
}
