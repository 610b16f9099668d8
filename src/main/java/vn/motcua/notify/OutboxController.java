package vn.motcua.notify;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.platform.MotcuaProperties;
import vn.motcua.platform.api.ApiException;

/**
 * Demo mode's built-in outbox: every message the system wrote, newest first. Administrators only: the messages
 * carry applicants' names, addresses and dossiers.
 */
@Controller
class OutboxController {

    private final Notifications notifications;
    private final MotcuaProperties properties;

    OutboxController(Notifications notifications, MotcuaProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    @GetMapping("/outbox")
    @PreAuthorize("hasRole('ADMIN')")
    String outbox(Model model) {
        if (!properties.demo()) {
            throw ApiException.notFound("notify.outbox.demoOnly");
        }
        model.addAttribute("messages", notifications.recent(100));
        return "notify/outbox";
    }
}
