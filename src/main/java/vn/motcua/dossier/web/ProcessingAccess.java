package vn.motcua.dossier.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.platform.text.FieldKeys;
import vn.motcua.dossier.internal.ProcessingForms;
import vn.motcua.dossier.internal.ProcessingQueries;
import vn.motcua.dossier.internal.ProcessingService;
import vn.motcua.dossier.internal.ProcessingStore;
import vn.motcua.platform.api.ApiException;

/** Who may see a dossier in processing, and the downloads shared by the API and the pages. */
@Component
class ProcessingAccess {

    private final DossierStore store;
    private final ProcessingStore steps;
    private final ProcessingForms forms;
    private final ProcessingQueries queries;
    private final ProcessingService processing;
    private final AccessLogging accessLog;

    ProcessingAccess(DossierStore store, ProcessingStore steps, ProcessingForms forms, ProcessingQueries queries,
                     ProcessingService processing, AccessLogging accessLog) {
        this.accessLog = accessLog;
        this.store = store;
        this.steps = steps;
        this.forms = forms;
        this.queries = queries;
        this.processing = processing;
    }

    /**
     * The applicant (others get 404), officers holding a post in its agency or in the agency of any of
     * its steps (inter-agency) — for a post restricted to a field, only dossiers of that field (see the
     * rule below) — administrators and auditors; other officers get 403.
     */
    Dossier visible(UUID id, Authentication auth) {
        Dossier d = store.find(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        if (DossierApi.hasRole(auth, "ADMIN") || DossierApi.hasRole(auth, "AUDITOR")) {
            accessLog.viewed(d, auth);
            return d;
        }
        if (DossierApi.hasRole(auth, "CITIZEN")) {
            if (!d.submittedBy().equals(auth.getName())) {
                throw ApiException.notFound("dossier.notFound");
            }
            return d;
        }
        List<ProcessingStore.Step> all = steps.steps(id);
        if (!reaches(d, auth.getName(), all, agency -> agency.equals(d.agencyCode())
                || all.stream().anyMatch(s -> agency.equals(s.agencyCode())))) {
            throw ApiException.forbidden("dossier.forbidden.agency");
        }
        accessLog.viewed(d, auth);
        return d;
    }

    /**
     * Whether one of the officer's posts today is in one of the dossier's agencies ({@code inAgency}) and lets
     * them see it: a post without field always; a post restricted to a field sees the dossiers of that field
     * (or without field), those where a step of its role in its agency was open to every field, and those the
     * officer worked on.
     */
    boolean reaches(Dossier d, String me, List<ProcessingStore.Step> all, Predicate<String> inAgency) {
        var scope = queries.scope(me, today());
        String fieldKey = steps.field(d.id()).key();
        boolean worked = all.stream().anyMatch(s -> me.equals(s.assignee()) || me.equals(s.finishedBy()));
        return scope.posts().stream().filter(p -> inAgency.test(p.agency())).anyMatch(p ->
                p.fieldKey() == null || fieldKey == null || FieldKeys.covers(p.fieldKey(), fieldKey) || worked
                        || all.stream().anyMatch(s -> p.agency().equals(s.agencyCode()) && s.role() == p.role()
                        && s.fieldKey() == null));
    }

    ResponseEntity<byte[]> formPdf(Dossier d, String form, HttpServletRequest request) {
        String url = TrackingLinks.of(request, d);
        byte[] pdf = switch (form) {
            case "04" -> forms.form04(d, url);
            case "05" -> forms.form05(d, url);
            case "06" -> forms.form06(d, url);
            default -> throw ApiException.notFound("dossier.slip.unknown", form);
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"mau-" + form + "-"
                        + (d.code() == null ? d.id() : d.code()) + ".pdf\"")
                .body(pdf);
    }

    /** Form 07 for one agency the caller works in (any agency for administrators and auditors). */
    ResponseEntity<?> register(String agency, LocalDate from, LocalDate to, DossierState state, String format,
                               Authentication auth) {
        List<ProcessingQueries.RegisterRow> rows = registerRows(agency, from, to, state, auth);
        String name = "so-theo-doi-" + agency + "-" + from + "-" + to;
        return switch (format) {
            case "json" -> ResponseEntity.ok(rows);
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                    .body(forms.registerCsv(rows));
            case "xlsx" -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
                    .body(forms.registerXlsx("SỔ THEO DÕI HỒ SƠ (Mẫu 07) — " + agency + " — " + from + " → " + to, rows));
            default -> throw ApiException.badRequest("processing.register.format", format);
        };
    }

    List<ProcessingQueries.RegisterRow> registerRows(String agency, LocalDate from, LocalDate to, DossierState state,
                                                     Authentication auth) {
        if (agency == null || agency.isBlank()) {
            throw ApiException.badRequest("processing.register.agency");
        }
        if (to.isBefore(from) || from.plusYears(2).isBefore(to)) {
            throw ApiException.badRequest("processing.register.period");
        }
        boolean overseer = DossierApi.hasRole(auth, "ADMIN") || DossierApi.hasRole(auth, "AUDITOR");
        if (!overseer && !queries.scope(auth.getName(), today()).agencies().contains(agency)) {
            throw ApiException.forbidden("dossier.forbidden.agency");
        }
        return queries.register(List.of(agency), from, to, state, processing.now());
    }

    LocalDate today() {
        return LocalDate.ofInstant(processing.now(), DossierViews.VN);
    }
}
