package vn.motcua.privacy.web;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.api.ApiException;
import vn.motcua.privacy.internal.Retention;

/** Retention of closed dossiers: the periods per procedure, the dry run, its execution, the last runs. */
@RestController
@Tag(name = "Privacy", description = "Personal data: who viewed a dossier's personal data, a citizen's own data, encryption keys")
class RetentionApi {

    private final Retention retention;
    private final Clock clock;

    RetentionApi(Retention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    record RuleBody(Integer years, String legalBasis, String note) {
    }

    @GetMapping("/api/v1/privacy/retention/rules")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Operation(summary = "Retention periods of closed dossiers per procedure ('*' the default; years null = permanent), "
            + "with their legal basis")
    List<Retention.Rule> rules() {
        return retention.rules();
    }

    @PutMapping("/api/v1/privacy/retention/rules/{procedureCode}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set a procedure's retention period ('*' the default; years null = permanent) and its legal basis")
    List<Retention.Rule> setRule(@PathVariable String procedureCode, @RequestBody RuleBody body) {
        if (body == null) {
            throw ApiException.badRequest("privacy.retention.legalBasis");
        }
        retention.setRule(procedureCode, body.years(), body.legalBasis(), body.note());
        return retention.rules();
    }

    @PostMapping("/api/v1/privacy/retention/dry-run")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "List, and record, the closed dossiers past their retention period that an execution would "
            + "anonymise (personal fields cleared, attachments deleted); nothing is changed")
    Retention.Run dryRun(Principal principal) {
        return retention.dryRun(clock.instant(), principal.getName());
    }

    @PostMapping("/api/v1/privacy/retention/runs/{id}/execute")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Carry out a dry run: anonymise the dossiers it listed that are still due; once per dry run")
    Retention.Run execute(@PathVariable UUID id, Principal principal) {
        return retention.execute(id, clock.instant(), principal.getName());
    }

    @GetMapping("/api/v1/privacy/retention/runs")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Operation(summary = "The last retention runs (dry runs and executions), newest first")
    List<Retention.Run> runs(@RequestParam(defaultValue = "20") int limit) {
        return retention.runs(limit);
    }

    @GetMapping("/api/v1/privacy/retention/runs/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Operation(summary = "One retention run with its dossiers")
    Retention.Run run(@PathVariable UUID id) {
        return retention.run(id);
    }
}
