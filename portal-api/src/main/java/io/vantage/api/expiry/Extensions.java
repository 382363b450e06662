package io.vantage.api.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.launch.LifecycleProperties;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.catalogue.ExtensionPolicy;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.instance.ExtensionRequest;
import io.vantage.domain.instance.ExtensionRequestRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.RequestState;

/**
 * Longer lives for instances. The image's {@link ExtensionPolicy} decides whether a request is accepted at once,
 * waits for an admin, or is refused; never more than {@code vantage.lifecycle.max-extension} beyond now.
 * {@link #approve} and {@link #refuse} are for the admin API.
 */
@Service
@NamedInterface("lifetimes")
public class Extensions {

    private final InstanceRepository instances;
    private final ExtensionRequestRepository requests;
    private final ExpirySchedule schedule;
    private final LifetimeEvents events;
    private final ExtensionMails mails;
    private final AccessPolicy access;
    private final LifecycleProperties lifecycle;
    private final AuditLog audit;
    private final Clock clock;

    Extensions(InstanceRepository instances, ExtensionRequestRepository requests, ExpirySchedule schedule,
               LifetimeEvents events, ExtensionMails mails, AccessPolicy access, LifecycleProperties lifecycle,
               AuditLog audit, Clock clock) {
        this.instances = instances;
        this.requests = requests;
        this.schedule = schedule;
        this.events = events;
        this.mails = mails;
        this.access = access;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ExtensionView request(CurrentUser user, String uid, Instant until, String comments) {
        Instance instance = controlled(user, uid);
        Instant now = clock.instant();
        refuseUnderNever(instance);
        Instant cap = now.plus(lifecycle.maxExtension());
        if (!until.isAfter(now)) {
            throw new FieldException("requestedUntil", "must be in the future");
        }
        if (until.isAfter(cap)) {
            throw new FieldException("requestedUntil", "at most " + lifecycle.maxExtension().toDays()
                    + " days from now (until " + cap + ")");
        }
        if (instance.getTerminationDate() != null && !until.isAfter(instance.getTerminationDate())) {
            throw new FieldException("requestedUntil", "must be later than the current end of life, "
                    + instance.getTerminationDate());
        }
        ExtensionRequest request = new ExtensionRequest(instance.getId(), user.id(), comments, until, now);
        if (access.extendsWithoutApproval(user, policyOf(instance))) {
            requests.save(request);
            apply(instance, request, null, "Accepted at once (" + policyOf(instance) + ")", now);
            return ExtensionView.of(request);
        }
        boolean waiting = requests.findByInstanceIdOrderByCreatedAtDesc(instance.getId()).stream()
                .anyMatch(r -> r.getState() == RequestState.PENDING);
        if (waiting) {
            throw conflict("Already requested", "An extension request for this instance is waiting for an admin.",
                    Map.of());
        }
        requests.save(request);
        audit.success(user.id(), "instance.extension.request", "instance", uid,
                "request " + request.getId() + " until " + until + ", waiting for an admin");
        events.requestsChanged(instance, request);
        events.changed(instance, "requested", null);
        return ExtensionView.of(request);
    }

    /** One click: the owner's full lifetime from now (capped), where the image lets this person extend at once. */
    @Transactional
    ExtensionView extend(CurrentUser user, String uid) {
        Instance instance = controlled(user, uid);
        Instant now = clock.instant();
        refuseUnderNever(instance);
        if (!access.extendsWithoutApproval(user, policyOf(instance))) {
            throw conflict("Needs approval", "Extensions of this instance need an admin's approval: send an "
                    + "extension request with the date you need.", Map.of("policy", policyOf(instance).name()));
        }
        Instant until = schedule.extensionUntil(instance, now);
        if (instance.getTerminationDate() != null && !until.isAfter(instance.getTerminationDate())) {
            throw conflict("Nothing to extend", "This instance already lives until " + instance.getTerminationDate()
                    + ", beyond what an extension gives now.", Map.of("terminationDate", instance.getTerminationDate()));
        }
        ExtensionRequest request = requests.save(new ExtensionRequest(instance.getId(), user.id(), "One-click extension",
                until, now));
        apply(instance, request, null, "Accepted at once (" + policyOf(instance) + ")", now);
        return ExtensionView.of(request);
    }

    @Transactional(readOnly = true)
    List<ExtensionView> list(CurrentUser user, String uid) {
        Instance instance = instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
        access.requireMembership(user, instance);
        return requests.findByInstanceIdOrderByCreatedAtDesc(instance.getId()).stream().map(ExtensionView::of).toList();
    }

    /** An admin accepts a waiting request: the instance lives until the requested date (or longer if it already did). */
    @Transactional
    public ExtensionView approve(Long requestId, String adminId, String comment) {
        ExtensionRequest request = pending(requestId);
        Instance instance = schedule.lockAndRefresh(instances.findById(request.getInstanceId()).orElseThrow());
        Instant now = clock.instant();
        if (!request.getRequestedUntil().isAfter(now)) {
            throw conflict("Requested date passed", "The requested date " + request.getRequestedUntil()
                    + " has passed; refuse the request, or extend the instance to a new date.",
                    Map.of("requestedUntil", request.getRequestedUntil().toString()));
        }
        apply(instance, request, adminId, comment, now);
        mails.decided(instance, request);
        return ExtensionView.of(request);
    }

    @Transactional
    public ExtensionView refuse(Long requestId, String adminId, String comment) {
        ExtensionRequest request = pending(requestId);
        request.refuse(adminId, comment, clock.instant());
        Instance instance = instances.findById(request.getInstanceId()).orElseThrow();
        audit.success(adminId, "instance.extension.refuse", "instance", instance.getUid(), "request " + requestId);
        events.extensionAnswered(instance, request, "Your extension request was refused"
                + (comment == null ? "." : ": " + comment));
        mails.decided(instance, request);
        return ExtensionView.of(request);
    }

    private void apply(Instance instance, ExtensionRequest request, String by, String comment, Instant now) {
        request.accept(by, comment, now);
        Instant until = instance.getTerminationDate() != null && instance.getTerminationDate()
                .isAfter(request.getRequestedUntil()) ? instance.getTerminationDate() : request.getRequestedUntil();
        instance.extendUntil(until, now);
        instances.save(instance);
        schedule.reschedule(instance, now);
        audit.success(by == null ? request.getRequesterId() : by, "instance.extend", "instance", instance.getUid(),
                "request " + request.getId() + ": until " + until + (by == null ? " (automatic)" : ""));
        events.extensionAnswered(instance, request, by == null ? null : "Your extension request was approved.");
    }

    /** Finds the instance, checks the person may control it, then locks its expiry so the job cannot race us. */
    private Instance controlled(CurrentUser user, String uid) {
        Instance instance = instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
        access.requireControl(user, instance);
        return schedule.lockAndRefresh(instance);
    }

    private ExtensionRequest pending(Long requestId) {
        ExtensionRequest request = requests.findById(requestId)
                .orElseThrow(() -> new NotFoundException("extension request", requestId));
        if (request.getState() != RequestState.PENDING) {
            throw conflict("Already answered", "This request was already " + request.getState().name().toLowerCase()
                    + ".", Map.of());
        }
        return request;
    }

    private static ExtensionPolicy policyOf(Instance instance) {
        return instance.getPlan().getImage().getExtensionPolicy();
    }

    private static void refuseUnderNever(Instance instance) {
        Image image = instance.getPlan().getImage();
        if (image.getExtensionPolicy() == ExtensionPolicy.NEVER) {
            throw conflict("Not extendable", "Instances of " + image.getName() + " " + image.getVersion()
                    + " cannot be extended." + (instance.getTerminationDate() == null ? ""
                    : " Save your work before " + instance.getTerminationDate() + "."),
                    Map.of("policy", ExtensionPolicy.NEVER.name()));
        }
    }

    private static ConflictException conflict(String title, String detail, Map<String, Object> properties) {
        return new ConflictException(HttpStatus.CONFLICT, title, detail, properties);
    }
}
