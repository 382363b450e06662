package io.vantage.api.user;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;

@RestController
@RequestMapping("/api/me")
class MeController {

    private final UserRepository users;

    MeController(UserRepository users) {
        this.users = users;
    }

    @GetMapping
    @Transactional(readOnly = true)
    MeResponse me(CurrentUser current) {
        User user = users.findById(current.id()).orElseThrow(() -> new NotFoundException("user", current.id()));
        return new MeResponse(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
                new TreeSet<>(current.roles()));
    }

    record MeResponse(String id, String firstName, String lastName, String email, Set<String> roles) {
    }
}
