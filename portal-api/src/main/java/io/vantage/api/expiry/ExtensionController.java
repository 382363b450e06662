package io.vantage.api.expiry;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** Asking for a longer life: a dated request, or the one-click extension where the image allows it. */
@RestController
@RequestMapping("/api/instances/{uid}")
class ExtensionController {

    private final Extensions extensions;

    ExtensionController(Extensions extensions) {
        this.extensions = extensions;
    }

    record NewExtension(@NotNull(message = "choose the date until which you need the instance") Instant requestedUntil,
                        @Size(max = 2000, message = "at most 2000 characters") String comments) {
    }

    /** 201 when accepted at once, 202 when it waits for an admin. */
    @PostMapping("/extension-requests")
    ResponseEntity<ExtensionView> request(CurrentUser user, @PathVariable String uid,
                                          @Valid @RequestBody NewExtension request) {
        ExtensionView view = extensions.request(user, uid, request.requestedUntil(), request.comments());
        return ResponseEntity.status("PENDING".equals(view.state()) ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
                .body(view);
    }

    @GetMapping("/extension-requests")
    List<ExtensionView> list(CurrentUser user, @PathVariable String uid) {
        return extensions.list(user, uid);
    }

    @PostMapping("/extend")
    ExtensionView extend(CurrentUser user, @PathVariable String uid) {
        return extensions.extend(user, uid);
    }
}
