package io.vantage.api.instance;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;
import io.vantage.api.support.PageView;

/** All instances. Lifecycle actions answer 202: a worker carries them out, the state shows how far it got. */
@RestController
@RequestMapping("/api/admin/instances")
@PreAuthorize("hasRole('ADMIN')")
class InstanceAdminController {

    private final InstanceAdmin instances;
    private final InstanceActions actions;

    InstanceAdminController(InstanceAdmin instances, InstanceActions actions) {
        this.instances = instances;
        this.actions = actions;
    }

    @GetMapping
    PageView<AdminInstanceView> search(@RequestParam(required = false) String state,
                                       @RequestParam(required = false) Long providerId,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        return instances.search(state, providerId, q, page, size);
    }

    @GetMapping("/{uid}")
    AdminInstanceView get(@PathVariable String uid) {
        return instances.get(uid);
    }

    @PostMapping("/{uid}/start")
    ResponseEntity<AdminInstanceView> start(CurrentUser admin, @PathVariable String uid) {
        actions.start(admin, uid);
        return ResponseEntity.accepted().body(instances.get(uid));
    }

    @PostMapping("/{uid}/stop")
    ResponseEntity<AdminInstanceView> stop(CurrentUser admin, @PathVariable String uid) {
        actions.stop(admin, uid);
        return ResponseEntity.accepted().body(instances.get(uid));
    }

    @PostMapping("/{uid}/reboot")
    ResponseEntity<AdminInstanceView> reboot(CurrentUser admin, @PathVariable String uid) {
        actions.reboot(admin, uid);
        return ResponseEntity.accepted().body(instances.get(uid));
    }

    @DeleteMapping("/{uid}")
    ResponseEntity<AdminInstanceView> delete(CurrentUser admin, @PathVariable String uid) {
        actions.delete(admin, uid);
        return ResponseEntity.accepted().body(instances.get(uid));
    }

    @PostMapping("/{uid}/sync")
    ResponseEntity<AdminInstanceView> sync(CurrentUser admin, @PathVariable String uid) {
        return ResponseEntity.accepted().body(instances.sync(admin, uid));
    }
}
