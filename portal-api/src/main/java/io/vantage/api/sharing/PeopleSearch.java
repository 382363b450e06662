package io.vantage.api.sharing;

import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;

/** People whose name, id or e-mail starts with what was typed. */
@Service
class PeopleSearch {

    private final UserRepository users;

    PeopleSearch(UserRepository users) {
        this.users = users;
    }

    /** One page of matches, each turned into the caller's view in the transaction. */
    @Transactional(readOnly = true)
    <T> Page<T> search(String term, int page, int size, Function<User, T> view) {
        return users.search(escapeLike(term), PageRequest.of(page, size)).map(view);
    }

    /** '%' and '_' are wildcards to LIKE: typed by a person they would list everyone (PostgreSQL escapes with \). */
    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
