package io.vantage.api.sharing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.user.User;

/**
 * Finds people to share with, by name, id or e-mail prefix. Anyone signed in may search, so answers carry no
 * e-mail address unless an admin asks.
 */
@RestController
class UserSearchController {

    static final int MAX_PAGE_SIZE = 50;

    private final PeopleSearch people;

    UserSearchController(PeopleSearch people) {
        this.people = people;
    }

    @GetMapping("/api/users/search")
    UserPage search(CurrentUser user, @RequestParam(required = false) String q,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        String term = q == null ? "" : q.strip();
        if (term.length() < 2) {
            throw new FieldException("q", "type at least 2 characters");
        }
        if (page < 0) {
            throw new FieldException("page", "must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new FieldException("size", "between 1 and " + MAX_PAGE_SIZE);
        }
        Page<UserSummary> found = people.search(term, page, size, u -> UserSummary.of(u, user.isAdmin()));
        return new UserPage(found.getContent(), page, size, found.getTotalElements());
    }

    record UserPage(List<UserSummary> items, int page, int size, long total) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserSummary(String id, String name, String affiliation, String email) {
        static UserSummary of(User user, boolean withEmail) {
            return new UserSummary(user.getId(), user.getFullName(),
                    user.getAffiliation() == null ? null : user.getAffiliation().getName(),
                    withEmail ? user.getEmail() : null);
        }
    }
}
