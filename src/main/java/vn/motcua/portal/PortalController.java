package vn.motcua.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.platform.MotcuaProperties;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.DemoAccounts;

@Controller
class PortalController {

    private final AccountService accounts;
    private final MotcuaProperties properties;

    PortalController(AccountService accounts, MotcuaProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping("/")
    String home() {
        return "portal/home";
    }

    @GetMapping("/login")
    String login(Model model, @RequestParam(required = false) String locked) {
        if (locked != null) {
            // After too many failed sign-ins (the same for every name): "try again in N minutes".
            model.addAttribute("lockedMinutes", locked.matches("\\d{1,3}") ? Integer.parseInt(locked) : 1);
        }
        if (properties.demo()) {
            model.addAttribute("demoAccounts", accounts.demoAccounts());
            model.addAttribute("demoPassword", DemoAccounts.PASSWORD);
        }
        return "portal/login";
    }
}
