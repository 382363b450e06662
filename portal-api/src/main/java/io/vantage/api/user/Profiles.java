package io.vantage.api.user;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.NotFoundException;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;

/** A person's own record, as the portal knows it. */
@Service
public class Profiles {

    private final UserRepository users;

    Profiles(UserRepository users) {
        this.users = users;
    }

    /** The person, turned into the caller's view in the transaction; not found when the portal has no record. */
    @Transactional(readOnly = true)
    <T> T find(String id, Function<User, T> view) {
        return view.apply(users.findById(id).orElseThrow(() -> new NotFoundException("user", id)));
    }

    /** The person's full name, if the portal has a record of them. */
    @Transactional(readOnly = true)
    public Optional<String> fullName(String id) {
        return users.findById(id).map(User::getFullName);
    }
}
