package io.vantage.web.demo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A bare page showing one instance's desktop, until the real instance pages exist. */
@Controller
class DesktopDemoController {

    @GetMapping("/demo/desktop/{uid}")
    String desktop(@PathVariable String uid, Model model) {
        model.addAttribute("uid", uid);
        return "demo/desktop";
    }
}
