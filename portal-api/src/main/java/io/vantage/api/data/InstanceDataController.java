package io.vantage.api.data;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** An instance's data folders (members), and adding an experiment to it (owner and admins). */
@RestController
@RequestMapping("/api/instances/{uid}")
class InstanceDataController {

    private final InstanceData data;

    InstanceDataController(InstanceData data) {
        this.data = data;
    }

    record AddExperiment(@NotBlank(message = "choose an experiment") @Size(max = 64) String experimentId) {
    }

    @GetMapping("/data")
    InstanceDataView folders(CurrentUser user, @PathVariable String uid) {
        return data.of(user, uid);
    }

    /** 202: the folders reach the machine when a worker has asked its cloud; {@code lastChange} tells how it went. */
    @PostMapping("/experiments")
    ResponseEntity<InstanceDataView> add(CurrentUser user, @PathVariable String uid,
                                         @Valid @RequestBody AddExperiment request) {
        return ResponseEntity.accepted().body(data.addExperiment(user, uid, request.experimentId()));
    }
}
