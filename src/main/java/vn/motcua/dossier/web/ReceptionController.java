package vn.motcua.dossier.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.dossier.internal.RefusedHistory;
import vn.motcua.dossier.internal.RequestItem;
import vn.motcua.platform.api.ApiException;

/** The reception officer's pages: the inbox of their agency and the decision on one dossier. */
@Controller
class ReceptionController {

    private final DossierQueries queries;
    private final DossierStore store;
    private final IntakeService intake;
    private final Officers officers;
    private final SlipResponses slipResponses;
    private final DossierAccess access;
    private final MessageSource messages;

    private final java.time.Clock clock;
    private final RefusedHistory refused;

    ReceptionController(DossierQueries queries, DossierStore store, IntakeService intake, Officers officers,
                        SlipResponses slipResponses, MessageSource messages, DossierAccess access, java.time.Clock clock,
                        RefusedHistory refused) {
        this.clock = clock;
        this.refused = refused;
        this.access = access;
        this.queries = queries;
        this.store = store;
        this.intake = intake;
        this.officers = officers;
        this.slipResponses = slipResponses;
        this.messages = messages;
    }

    /** Days of refusals the refused tab shows unless the officer asks for older ones. */
    static final int REFUSED_WINDOW_DAYS = 90;

    private static final List<DossierState> TABS = List.of(DossierState.SUBMITTED, DossierState.SUPPLEMENT_REQUESTED,
            DossierState.ACCEPTED, DossierState.REFUSED);

    @GetMapping("/workbench/reception")
    String inbox(@RequestParam(defaultValue = "SUBMITTED") DossierState state,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String q,
                 @RequestParam(defaultValue = "false") boolean older, @RequestParam(required = false) String after,
                 Principal principal, Model model) {
        List<String> agencies = officers.receptionAgencies(principal.getName());
        var sort = state == DossierState.ACCEPTED ? DossierQueries.InboxSort.RECEIVED : DossierQueries.InboxSort.RECEPTION_DUE;
        String search = q == null || q.isBlank() ? null : q.strip();
        // The refused tab grows with the years: the last REFUSED_WINDOW_DAYS by default, all of it when asked (older).
        boolean windowed = state == DossierState.REFUSED && !older;
        java.time.Instant since = windowed ? clock.instant().minus(java.time.Duration.ofDays(REFUSED_WINDOW_DAYS)) : null;
        model.addAttribute("counts", queries.counts(agencies, clock.instant()));
        model.addAttribute("agencies", agencies);
        if (state == DossierState.REFUSED && older) {
            // The whole history, newest first, in keyset pages; a search reads a bounded stretch of it per page.
            var history = refused.older(agencies, search, after, 20);
            model.addAttribute("history", history);
            model.addAttribute("after", vn.motcua.dossier.internal.ProcessingQueries.Cursor.parse(after) == null ? null : after);
            model.addAttribute("historyScan", RefusedHistory.SCAN);
            model.addAttribute("page", new DossierQueries.Page<>(history.items(), history.items().size(), 0, 20));
            model.addAttribute("windowDays", null);
            model.addAttribute("older", true);
            model.addAttribute("q", search);
            model.addAttribute("state", state);
            model.addAttribute("states", TABS);
            return "dossier/reception-inbox";
        }
        var found = queries.inbox(agencies, List.of(state), null, search, sort, Math.max(0, page), 20, since);
        if (found.items().isEmpty() && found.page() > 0 && found.total() > 0) {
            // Past the last page (an old link, a list that shrank): the last page, never "page 6 of 5".
            found = queries.inbox(agencies, List.of(state), null, search, sort, found.pages() - 1, 20, since);
        }
        model.addAttribute("windowDays", windowed ? REFUSED_WINDOW_DAYS : null);
        model.addAttribute("older", state == DossierState.REFUSED && older);
        model.addAttribute("page", found);
        model.addAttribute("q", search);
        model.addAttribute("state", state);
        model.addAttribute("states", TABS);
        return "dossier/reception-inbox";
    }

    @GetMapping("/workbench/dossiers/{id}")
    String dossier(@PathVariable UUID id, Authentication auth, Model model) {
        Dossier d = access.visible(id, auth);
        model.addAttribute("d", d);
        model.addAttribute("events", store.events(id));
        model.addAttribute("attachments", store.attachments(id));
        model.addAttribute("requests", store.requests(id));
        model.addAttribute("canDecide", DossierAccess.hasRole(auth, "RECEPTION_OFFICER")
                && officers.receptionAgencies(auth.getName()).contains(d.agencyCode()));
        return "dossier/reception-dossier";
    }

    @PostMapping("/workbench/dossiers/{id}/accept")
    String accept(@PathVariable UUID id, @RequestParam int version, Principal principal, RedirectAttributes flash,
                  Locale locale) {
        return act(id, flash, locale, () -> intake.accept(id, version, officers.actor(principal)), "dossier.done.accepted");
    }

    @PostMapping("/workbench/dossiers/{id}/supplement-request")
    String supplement(@PathVariable UUID id, @RequestParam int version, @RequestParam String items,
                      @RequestParam(required = false) String note, Principal principal, RedirectAttributes flash,
                      Locale locale) {
        return act(id, flash, locale, () -> intake.requestSupplement(id, version, parse(items), note,
                officers.actor(principal)), "dossier.done.supplement");
    }

    @PostMapping("/workbench/dossiers/{id}/refusal")
    String refuse(@PathVariable UUID id, @RequestParam int version, @RequestParam String items,
                  @RequestParam(required = false) String note, Principal principal, RedirectAttributes flash,
                  Locale locale) {
        return act(id, flash, locale, () -> intake.refuse(id, version, parse(items), note, officers.actor(principal)),
                "dossier.done.refused");
    }

    @GetMapping("/workbench/dossiers/{id}/slips/{form:[0-9][0-9]}")
    String slipPage(@PathVariable UUID id, @PathVariable String form, Authentication auth, HttpServletRequest request,
                    Model model) {
        return slipResponses.html(access.visible(id, auth), form, request, model);
    }

    @GetMapping("/workbench/dossiers/{id}/slips/{form}.pdf")
    ResponseEntity<byte[]> slip(@PathVariable UUID id, @PathVariable String form, Authentication auth,
                                HttpServletRequest request) {
        return slipResponses.pdf(access.visible(id, auth), form, request);
    }

    private String act(UUID id, RedirectAttributes flash, Locale locale, Runnable action, String doneKey) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.getMessage(doneKey, null, locale));
        } catch (ApiException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            flash.addFlashAttribute("error", messages.getMessage("error.concurrent-change", null, locale));
        }
        return "redirect:/workbench/dossiers/" + id;
    }

    /** One item per line: "document | reason" (the reason may be omitted only if the line says it all). */
    static List<RequestItem> parse(String text) {
        List<RequestItem> items = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int bar = line.indexOf('|');
            String doc = (bar < 0 ? line : line.substring(0, bar)).strip();
            String reason = bar < 0 ? "" : line.substring(bar + 1).strip();
            items.add(new RequestItem(doc, reason));
        }
        return items;
    }
}
