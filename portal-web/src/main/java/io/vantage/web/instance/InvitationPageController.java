package io.vantage.web.instance;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where an invitation link lands. Opening it changes nothing (links get prefetched by mail scanners); the person
 * joins with a button.
 */
@Controller
class InvitationPageController {

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "invitation";
    }
}
