package io.vantage.api.data;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/**
 * {@code GET /api/open?pid=<SciCat PID or DOI>}: what the {@code /open} link would open for the caller (404 unknown,
 * 403 not theirs, 503 catalogue down); launch with {@code experimentIds} and {@code datasetPids} from the answer.
 */
@RestController
class OpenController {

    private final OpenLinks links;

    OpenController(OpenLinks links) {
        this.links = links;
    }

    @GetMapping("/api/open")
    OpenTarget open(CurrentUser user, @RequestParam(required = false) String pid) {
        return links.resolve(user, pid);
    }
}
