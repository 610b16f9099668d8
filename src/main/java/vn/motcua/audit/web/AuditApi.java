package vn.motcua.audit.web;

import vn.motcua.platform.time.VietnamTime;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.audit.Verification;
import vn.motcua.audit.internal.ChainVerifier;
import vn.motcua.platform.api.ApiException;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Tamper-evident audit trail of the dossier history and the access log")
class AuditApi {

    static final int MAX_DAYS = 366;
    private final ChainVerifier verifier;
    private final java.time.Clock clock;

    AuditApi(ChainVerifier verifier, java.time.Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "Recompute the hash chains of the dossier history and the access log for the days from..to "
            + "(Vietnam dates, both included; default today) and name the first row that does not match (auditors)")
    Verification verify(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        LocalDate f = from != null ? from : to != null ? to : today;
        LocalDate t = to != null ? to : from != null ? from : today;
        if (t.isBefore(f) || ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
            throw ApiException.badRequest("audit.verify.range", MAX_DAYS);
        }
        return verifier.verify(f, t);
    }
}
