package io.vantage.web.launch;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.vantage.api.data.OpenLinks;
import io.vantage.api.data.OpenTarget;
import io.vantage.api.security.CurrentUser;

/**
 * "Analyse in Vantage": {@code /open?pid=<SciCat PID or DOI>} (docs/open-links.md). After the login, the launch
 * wizard opens with the dataset's experiment chosen and the dataset carried along; the wizard offers the person's
 * instances that have the experiment already. Unknown → the 404 page, not theirs → the 403 page, each saying why.
 */
@Controller
class OpenPageController {

    private final OpenLinks links;

    OpenPageController(OpenLinks links) {
        this.links = links;
    }

    @GetMapping("/open")
    String open(CurrentUser user, @RequestParam(required = false) String pid) {
        OpenTarget target = links.resolve(user, pid);
        UriComponentsBuilder wizard = UriComponentsBuilder.fromPath("/launch").queryParam("step", "environment")
                .queryParam("experiment", target.experimentId());
        if (target.datasetPid() != null) {
            wizard.queryParam("dataset", target.datasetPid());
        }
        return "redirect:" + wizard.encode().build().toUriString();
    }
}
