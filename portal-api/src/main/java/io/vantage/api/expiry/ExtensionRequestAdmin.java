package io.vantage.api.expiry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.audit.AdminAudit;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.instance.ExtensionRequest;
import io.vantage.domain.instance.ExtensionRequestRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.RequestState;
import io.vantage.domain.user.UserRepository;

/** Admins decide on requests to let an instance live longer than its image's rules allow by themselves. */
@Service
public class ExtensionRequestAdmin {

    private final ExtensionRequestRepository requests;
    private final InstanceRepository instances;
    private final UserRepository users;
    private final Extensions extensions;
    private final AdminAudit audit;

    ExtensionRequestAdmin(ExtensionRequestRepository requests, InstanceRepository instances, UserRepository users,
                          Extensions extensions, AdminAudit audit) {
        this.requests = requests;
        this.instances = instances;
        this.users = users;
        this.extensions = extensions;
        this.audit = audit;
    }

    record Approval(@Size(max = 2000) String comment) {
    }

    /** The requester is told why, so a refusal needs a reason. */
    record Refusal(@NotBlank @Size(max = 2000) String comment) {
    }

    public record ExtensionView(Long id, String instanceUid, String instanceName, String instanceState,
                         Instant currentTerminationDate, String requesterId, String requesterName, String comments,
                         Instant requestedUntil, String state, String handledBy, Instant handledAt,
                         String handlerComments, Instant createdAt) {
    }

    @Transactional(readOnly = true)
    public List<ExtensionView> list(String state) {
        RequestState wanted = state(state);
        return requests.findByStateOrderByCreatedAt(wanted).stream().map(this::view).toList();
    }

    /** The expiry module applies it (locks, moves the planned deletion, tells the requester live and by e-mail). */
    @Transactional
    public ExtensionView approve(CurrentUser actor, Long id, String comment) {
        ExtensionRequest request = pending(actor, "admin.extension.approve", id);
        try {
            extensions.approve(id, actor.id(), comment);
        } catch (ConflictException e) {
            throw audit.refused(actor, "admin.extension.approve", "extension-request", id, e);
        }
        Instance instance = instances.findById(request.getInstanceId()).orElseThrow();
        audit.success(actor, "admin.extension.approve", "extension-request", id, "instance " + instance.getUid()
                + " until " + request.getRequestedUntil());
        return view(request);
    }

    @Transactional
    public ExtensionView refuse(CurrentUser actor, Long id, String comment) {
        ExtensionRequest request = pending(actor, "admin.extension.refuse", id);
        extensions.refuse(id, actor.id(), comment);
        Instance instance = instances.findById(request.getInstanceId()).orElseThrow();
        audit.success(actor, "admin.extension.refuse", "extension-request", id, "instance " + instance.getUid()
                + ": " + comment);
        return view(request);
    }

    private ExtensionRequest pending(CurrentUser actor, String action, Long id) {
        ExtensionRequest request = requests.findById(id)
                .orElseThrow(() -> new NotFoundException("extension request", id));
        if (request.getState() != RequestState.PENDING) {
            throw audit.refused(actor, action, "extension-request", id, new ConflictException(HttpStatus.CONFLICT,
                    "Already decided", "Extension request " + id + " was already "
                            + request.getState().name().toLowerCase(Locale.ROOT) + " by " + request.getHandledBy() + ".",
                    Map.of("state", request.getState().name())));
        }
        return request;
    }

    private ExtensionView view(ExtensionRequest request) {
        Instance instance = instances.findById(request.getInstanceId()).orElseThrow();
        String requesterName = users.findById(request.getRequesterId()).map(u -> u.getFullName()).orElse(null);
        return new ExtensionView(request.getId(), instance.getUid(), instance.getName(), instance.getState().name(),
                instance.getTerminationDate(), request.getRequesterId(), requesterName, request.getComments(),
                request.getRequestedUntil(), request.getState().name(), request.getHandledBy(), request.getHandledAt(),
                request.getHandlerComments(), request.getCreatedAt());
    }

    private static RequestState state(String state) {
        if (state == null || state.isBlank()) {
            return RequestState.PENDING;
        }
        try {
            return RequestState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("state", "must be one of " + Arrays.toString(RequestState.values()));
        }
    }
}
