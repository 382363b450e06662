package io.vantage.api.instance;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.launch.LaunchRequest;
import io.vantage.api.launch.LaunchService;
import io.vantage.api.security.CurrentUser;

/** The person's instances: list, launch, look at one, its history, and the lifecycle actions. */
@RestController
@RequestMapping("/api/instances")
class InstanceController {

    private final InstanceQueries queries;
    private final InstanceActions actions;
    private final LaunchService launches;

    InstanceController(InstanceQueries queries, InstanceActions actions, LaunchService launches) {
        this.queries = queries;
        this.actions = actions;
        this.launches = launches;
    }

    @GetMapping
    List<InstanceView> list(CurrentUser user) {
        return queries.mine(user);
    }

    @PostMapping
    ResponseEntity<InstanceView> launch(CurrentUser user, @Valid @RequestBody LaunchRequest request) {
        String uid = launches.launch(user, request);
        return ResponseEntity.accepted().location(URI.create("/api/instances/" + uid)).body(queries.one(user, uid));
    }

    /** Dry run: 204 when this launch would be accepted now, otherwise the same problem the launch would answer. */
    @PostMapping("/validation")
    ResponseEntity<Void> validate(CurrentUser user, @Valid @RequestBody LaunchRequest request) {
        launches.validate(user, request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{uid}")
    InstanceView get(CurrentUser user, @PathVariable String uid) {
        return queries.one(user, uid);
    }

    @GetMapping("/{uid}/history")
    List<InstanceQueries.HistoryEntry> history(CurrentUser user, @PathVariable String uid) {
        return queries.history(user, uid);
    }

    @PostMapping("/{uid}/start")
    ResponseEntity<InstanceView> start(CurrentUser user, @PathVariable String uid) {
        actions.start(user, uid);
        return ResponseEntity.accepted().body(queries.one(user, uid));
    }

    @PostMapping("/{uid}/stop")
    ResponseEntity<InstanceView> stop(CurrentUser user, @PathVariable String uid) {
        actions.stop(user, uid);
        return ResponseEntity.accepted().body(queries.one(user, uid));
    }

    @PostMapping("/{uid}/reboot")
    ResponseEntity<InstanceView> reboot(CurrentUser user, @PathVariable String uid) {
        actions.reboot(user, uid);
        return ResponseEntity.accepted().body(queries.one(user, uid));
    }

    @DeleteMapping("/{uid}")
    ResponseEntity<InstanceView> delete(CurrentUser user, @PathVariable String uid) {
        actions.delete(user, uid);
        return ResponseEntity.accepted().body(queries.one(user, uid));
    }
}
