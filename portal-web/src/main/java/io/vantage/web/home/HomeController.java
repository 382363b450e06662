package io.vantage.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.vantage.api.security.CurrentUser;

@Controller
class HomeController {

    @GetMapping("/")
    String home(CurrentUser user, Model model) {
        model.addAttribute("userId", user.id());
        return "home";
    }
}
