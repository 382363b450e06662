package io.vantage.web.login;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.vantage.api.security.LoginFailureHandler;

/** What a person sees when a login failed, and after signing out. */
@Controller
class LoginPagesController {

    @GetMapping("/login-error")
    String loginError(HttpSession session, Model model) {
        Object message = session.getAttribute(LoginFailureHandler.SESSION_ATTRIBUTE);
        session.removeAttribute(LoginFailureHandler.SESSION_ATTRIBUTE);
        model.addAttribute("message", message != null ? message
                : "Signing in did not work. Please try again.");
        return "login-error";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
