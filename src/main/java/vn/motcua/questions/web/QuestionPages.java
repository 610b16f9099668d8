package vn.motcua.questions.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.platform.api.ApiException;
import vn.motcua.questions.internal.Question;
import vn.motcua.questions.internal.QuestionFileAccess;
import vn.motcua.questions.internal.QuestionService;
import vn.motcua.questions.internal.QuestionStore;
import vn.motcua.questions.internal.SubmitQuestion;
import vn.motcua.questions.internal.Who;

/**
 * Pages: the public questions and answers ({@code /questions}, searchable, one page per published answer with its
 * rating), the question form ({@code /questions/new}, anonymous with a contact or signed in), and the officers'
 * workbench ({@code /workbench/questions}: open questions of their agencies with their time limits, and one page per
 * question with the actions its state allows).
 */
@Controller
class QuestionPages {

    private final QuestionService questions;
    private final QuestionStore store;
    private final QuestionViews views;
    private final MessageSource messages;
    private final Validator validator;
    private final vn.motcua.questions.internal.AgencyQuestionStats stats;
    private final vn.motcua.questions.internal.CouncilScopes council;
    private final QuestionFileAccess files;
    private final vn.motcua.questions.internal.QuestionLinkQueries links;
    private final DossierLinking dossierLinks;

    QuestionPages(QuestionService questions, QuestionStore store, QuestionViews views, MessageSource messages,
                  Validator validator, vn.motcua.questions.internal.AgencyQuestionStats stats,
                  vn.motcua.questions.internal.CouncilScopes council, QuestionFileAccess files,
                  vn.motcua.questions.internal.QuestionLinkQueries links, DossierLinking dossierLinks) {
        this.links = links;
        this.dossierLinks = dossierLinks;
        this.files = files;
        this.stats = stats;
        this.council = council;
        this.questions = questions;
        this.store = store;
        this.views = views;
        this.messages = messages;
        this.validator = validator;
    }

    // ---- public ----------------------------------------------------------------------------------------------

    @GetMapping("/questions")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String procedure,
                  Model model) {
        String query = q == null ? "" : q.length() > 200 ? q.substring(0, 200) : q;
        String proc = vn.motcua.catalogue.ProcedureVersion.isCode(procedure) ? procedure : null;
        model.addAttribute("q", query);
        model.addAttribute("procedure", proc);
        model.addAttribute("items", questions.search(query, proc, 0, 30).stream().map(views::published).toList());
        return "questions/search";
    }

    @GetMapping("/questions/new")
    String form(@RequestParam(required = false) String procedure, @RequestParam(required = false) String unit,
                Model model) {
        model.addAttribute("procedure", vn.motcua.catalogue.ProcedureVersion.isCode(procedure) ? procedure : "");
        model.addAttribute("unit", vn.motcua.territory.AdministrativeUnit.isCode(unit) ? unit : "");
        return "questions/new";
    }

    @PostMapping("/questions/new")
    String ask(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String text,
               @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String procedure,
               @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phone,
               @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String dossierCode,
               @RequestParam(name = "files", required = false) List<org.springframework.web.multipart.MultipartFile> uploads,
               Authentication auth, Model model, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        SubmitQuestion cmd = new SubmitQuestion(subject, text, new SubmitQuestion.Place(unit),
                procedure.isBlank() ? null : procedure.strip(), new SubmitQuestion.Contact(blank(name), blank(phone),
                blank(email)), attachments(uploads), blank(dossierCode));
        List<String> errors = validator.validate(cmd).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
        if (errors.isEmpty()) {
            try {
                Who who = views.who(auth);
                views.throttleAnonymous(who, request);
                var dossier = dossierLinks.resolve(cmd, who, request);
                Question q = questions.submit(cmd, who, dossier);
                model.addAttribute("created", views.created(q, store.earlierCode(q.id()).orElse(null),
                        dossier == null ? null : dossier.code()));
                return "questions/sent";
            } catch (ApiException e) {
                errors = List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", cmd);
        model.addAttribute("procedure", procedure);
        model.addAttribute("unit", unit);
        return "questions/new";
    }

    /** Files chosen in the form, as the API's attachments (empty inputs skipped). */
    private static List<SubmitQuestion.Attachment> attachments(List<org.springframework.web.multipart.MultipartFile> uploads) {
        List<SubmitQuestion.Attachment> list = new java.util.ArrayList<>();
        for (var f : uploads == null ? List.<org.springframework.web.multipart.MultipartFile>of() : uploads) {
            if (!f.isEmpty()) {
                try {
                    list.add(new SubmitQuestion.Attachment(f.getOriginalFilename(),
                            java.util.Base64.getEncoder().encodeToString(f.getBytes())));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return list;
    }

    @GetMapping("/questions/{code}")
    String published(@PathVariable String code, Model model) {
        Question q = questions.published(code).orElseThrow(() -> ApiException.notFound("questions.notFound"));
        model.addAttribute("item", views.published(q));
        model.addAttribute("files", files.published(code).stream().map(QuestionViews::publicFile).toList());
        return "questions/detail";
    }

    @PostMapping("/questions/{code}/rating")
    String rate(@PathVariable String code, @RequestParam boolean useful, Authentication auth, RedirectAttributes flash) {
        if (!QuestionViews.has(auth, "CITIZEN")) {
            return "redirect:/login";
        }
        questions.rate(code, auth.getName(), useful);
        flash.addFlashAttribute("rated", true);
        return "redirect:/questions/" + code;
    }

    // ---- workbench -------------------------------------------------------------------------------------------

    @GetMapping("/workbench/questions")
    String inbox(Authentication auth, Model model) {
        List<String> agencies = questions.agenciesOf(auth.getName());
        var now = questions.now();
        model.addAttribute("agencies", agencies);
        model.addAttribute("items", store.openOf(agencies, 500).stream().map(q -> views.listed(q, now)).toList());
        return "questions/work-inbox";
    }

    @GetMapping("/workbench/questions/agencies/{code}")
    String agency(@PathVariable String code, @RequestParam(required = false) java.time.LocalDate from,
                  @RequestParam(required = false) java.time.LocalDate to, Authentication auth, Model model) {
        model.addAttribute("stats", QuestionApi.agencyStats(questions, stats, council, code, from, to, auth));
        return "questions/agency";
    }

    @GetMapping("/workbench/council")
    String council(@RequestParam(required = false) java.time.LocalDate from,
                   @RequestParam(required = false) java.time.LocalDate to, Authentication auth, Model model) {
        if (!QuestionViews.has(auth, "COUNCIL_MEMBER")) {
            throw ApiException.forbidden("questions.forbidden.agency");
        }
        model.addAttribute("units", council.units(auth.getName()));
        model.addAttribute("rows", QuestionApi.councilStats(questions, stats, council, from, to, auth));
        return "questions/council";
    }

    @GetMapping("/workbench/questions/{id}")
    String question(@PathVariable UUID id, Authentication auth, Model model) {
        Who who = views.who(auth);
        Question q = questions.visible(id, who, QuestionViews.has(auth, "AUDITOR"));
        model.addAttribute("q", views.full(q, store.events(id), questions.now()));
        model.addAttribute("earlier", store.earlierCode(id).orElse(null));
        model.addAttribute("dossier", links.linkOf(id).orElse(null));
        model.addAttribute("files", files.list(id, who, QuestionViews.has(auth, "AUDITOR")));
        if (q.state() == vn.motcua.questions.QuestionState.ANSWERED) {
            model.addAttribute("draft", questions.draft(id, who));
        }
        return "questions/work-question";
    }

    @GetMapping("/workbench/questions/{id}/attachments/{fileId}")
    org.springframework.http.ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID fileId,
                                                         Authentication auth) {
        return QuestionApi.bytes(files.read(id, fileId, views.who(auth), QuestionViews.has(auth, "AUDITOR"),
                "GET /workbench/questions/{id}/attachments/{fileId}"));
    }

    @PostMapping("/workbench/questions/{id}/attachments/{fileId}/publishable")
    String markFile(@PathVariable UUID id, @PathVariable UUID fileId, @RequestParam boolean publishable,
                    Authentication auth, RedirectAttributes flash) {
        files.mark(id, fileId, publishable, views.who(auth));
        flash.addFlashAttribute("done", true);
        return "redirect:/workbench/questions/" + id;
    }

    @PostMapping("/workbench/questions/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) Integer version,
               @RequestParam(required = false) String reason, @RequestParam(required = false) String agencyCode,
               @RequestParam(required = false) String assignee, @RequestParam(required = false) String message,
               @RequestParam(required = false) String text, @RequestParam(required = false) String answer,
               @RequestParam(required = false) String subject, @RequestParam(required = false) String question,
               Authentication auth, RedirectAttributes flash, Locale locale) {
        Who who = views.who(auth);
        try {
            switch (action) {
                case "accept" -> questions.accept(id, version, who);
                case "refuse" -> questions.refuse(id, version, reason, who);
                case "forward" -> questions.forward(id, version, agencyCode, reason, who);
                case "reassign" -> questions.reassign(id, version, assignee, who);
                case "request-information" -> questions.requestInformation(id, version, message, who);
                case "information" -> questions.supplement(id, version, text, who);
                case "answer" -> questions.answer(id, version, answer, who);
                case "publish" -> questions.publish(id, version, subject, question, answer, who);
                default -> throw ApiException.notFound("questions.notFound");
            }
            flash.addFlashAttribute("done", true);
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return "redirect:/workbench/questions/" + id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
