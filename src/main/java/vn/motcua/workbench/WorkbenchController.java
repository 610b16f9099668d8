package vn.motcua.workbench;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.platform.security.AccountService;

@Controller
class WorkbenchController {

    private final AccountService accounts;

    WorkbenchController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/workbench")
    String home(Principal principal, Model model) {
        accounts.find(principal.getName()).ifPresent(a -> model.addAttribute("account", a));
        return "workbench/home";
    }
}
