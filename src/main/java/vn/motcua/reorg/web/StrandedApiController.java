package vn.motcua.reorg.web;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.reorg.internal.StrandedCheck;

@RestController
@RequestMapping("/api/v1/reorg/stranded")
@Tag(name = "Reorganisation")
class StrandedApiController {

    private final StrandedCheck check;

    StrandedApiController(StrandedCheck check) {
        this.check = check;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "System-wide check: open dossiers, triage owners, open steps, step assignments and post holdings "
            + "that refer to an agency with no version valid today (runs the check now)")
    StrandedCheck.Result stranded() {
        return check.check();
    }

    @PostMapping("/{dossierId}/triage")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Send a stranded dossier to the triage queue of its province's service centre")
    Map<String, Object> toTriage(@PathVariable UUID dossierId, Authentication auth) {
        return Map.of("dossierId", dossierId, "triageOwner", check.routeToTriage(dossierId, auth.getName()));
    }
}
