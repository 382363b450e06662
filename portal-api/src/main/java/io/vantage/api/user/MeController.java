package io.vantage.api.user;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

@RestController
@RequestMapping("/api/me")
class MeController {

    private final Profiles profiles;

    MeController(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    MeResponse me(CurrentUser current) {
        return profiles.find(current.id(), user -> new MeResponse(user.getId(), user.getFirstName(),
                user.getLastName(), user.getEmail(), new TreeSet<>(current.roles())));
    }

    record MeResponse(String id, String firstName, String lastName, String email, Set<String> roles) {
    }
}
