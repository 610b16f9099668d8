package vn.motcua.workbench;

import java.security.Principal;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.dossier.ReceptionInbox;
import vn.motcua.platform.security.AccountService;

@Controller
class WorkbenchController {

    private final AccountService accounts;
    private final ReceptionInbox reception;
    private final ObjectProvider<WorkbenchLinks> links;

    WorkbenchController(AccountService accounts, ReceptionInbox reception, ObjectProvider<WorkbenchLinks> links) {
        this.accounts = accounts;
        this.reception = reception;
        this.links = links;
    }

    @GetMapping("/workbench")
    String home(Principal principal, Model model) {
        accounts.find(principal.getName()).ifPresent(a -> model.addAttribute("account", a));
        model.addAttribute("reception", reception.summary(principal.getName()));
        List<WorkbenchLinks.Link> more = principal instanceof Authentication auth
                ? links.orderedStream().flatMap(l -> l.links(auth).stream()).toList() : List.of();
        model.addAttribute("moreLinks", more);
        return "workbench/home";
    }
}
