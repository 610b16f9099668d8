package vn.motcua.workbench;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.dossier.ReceptionInbox;
import vn.motcua.platform.security.AccountService;

@Controller
class WorkbenchController {

    private final AccountService accounts;
    private final ReceptionInbox reception;

    WorkbenchController(AccountService accounts, ReceptionInbox reception) {
        this.accounts = accounts;
        this.reception = reception;
    }

    @GetMapping("/workbench")
    String home(Principal principal, Model model) {
        accounts.find(principal.getName()).ifPresent(a -> model.addAttribute("account", a));
        model.addAttribute("reception", reception.summary(principal.getName()));
        return "workbench/home";
    }
}
