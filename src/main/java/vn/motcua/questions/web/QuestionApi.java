package vn.motcua.questions.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.platform.api.ApiException;
import vn.motcua.questions.internal.AgencyQuestionStats;
import vn.motcua.questions.internal.CouncilScopes;
import vn.motcua.questions.internal.Question;
import vn.motcua.questions.internal.QuestionFileAccess;
import vn.motcua.questions.internal.QuestionFiles;
import vn.motcua.questions.internal.QuestionService;
import vn.motcua.questions.internal.QuestionStore;
import vn.motcua.questions.internal.SubmitQuestion;
import vn.motcua.questions.internal.Who;

@RestController
@RequestMapping("/api/v1/questions")
@Tag(name = "Questions", description = "Citizens ask, the government answers in public (phản ánh, kiến nghị)")
class QuestionApi {

    /** How far past the current page the public search counts its matches. */
    static final int COUNT_AHEAD = 200;
    private static final String OFFICER = "hasAnyRole('RECEPTION_OFFICER','HANDLING_OFFICER','UNIT_LEADER','ADMIN')";

    private final QuestionService questions;
    private final QuestionStore store;
    private final QuestionViews views;
    private final AgencyQuestionStats stats;
    private final CouncilScopes council;
    private final QuestionFileAccess files;

    private final DossierLinking dossierLinks;
    private final FollowUps followUps;

    QuestionApi(QuestionService questions, QuestionStore store, QuestionViews views, AgencyQuestionStats stats,
                CouncilScopes council, QuestionFileAccess files, DossierLinking dossierLinks, FollowUps followUps) {
        this.dossierLinks = dossierLinks;
        this.followUps = followUps;
        this.files = files;
        this.questions = questions;
        this.store = store;
        this.views = views;
        this.stats = stats;
        this.council = council;
    }

    @GetMapping("/council/agencies")
    @PreAuthorize("hasRole('COUNCIL_MEMBER')")
    @Operation(summary = "A People's Council member's oversight: the figures of every agency they oversee",
            description = "Read-only. Agencies of the units in the member's scope (a province covers its own and its "
                    + "communes' agencies) that received questions in [from, to) (default: this year).")
    List<AgencyQuestionStats.Stats> councilAgencies(@RequestParam(required = false) java.time.LocalDate from,
                                                    @RequestParam(required = false) java.time.LocalDate to,
                                                    Authentication auth) {
        return councilStats(questions, stats, council, from, to, auth);
    }

    static List<AgencyQuestionStats.Stats> councilStats(QuestionService questions, AgencyQuestionStats stats,
                                                        CouncilScopes council, java.time.LocalDate from,
                                                        java.time.LocalDate to, Authentication auth) {
        java.time.Instant[] period = period(questions, from, to);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(questions.now(), QuestionService.VN);
        return stats.ofMany(council.agencies(auth.getName(), today), period[0], period[1], questions.now());
    }

    record Scope(String username, String unitCode) {
    }

    @PostMapping("/council-scopes")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Let a council member oversee a province or a commune-level unit",
            description = "Administrators only. unitCode: 2 digits (a province: all its agencies) or 5 (one unit).")
    List<String> addScope(@RequestBody Scope body) {
        if (body.username() == null || body.username().isBlank() || body.username().length() > 100
                || body.unitCode() == null || !vn.motcua.territory.AdministrativeUnit.isCode(body.unitCode())) {
            throw ApiException.unprocessable("questions.stats.invalid");
        }
        council.add(body.username().strip(), body.unitCode());
        return council.units(body.username().strip());
    }

    @GetMapping("/agencies/{code}/stats")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR','RECEPTION_OFFICER','HANDLING_OFFICER','UNIT_LEADER','COUNCIL_MEMBER')")
    @Operation(summary = "Oversight figures of one agency: received, answered on time and late, open and late, satisfaction",
            description = "Over questions received in [from, to) (dates in Vietnam; default: this year to today). "
                    + "Administrators and auditors see every agency, council members the agencies they oversee, other "
                    + "officers their own agencies (403 otherwise). "
                    + "Counted on the agency holding each question now.")
    AgencyQuestionStats.Stats stats(@PathVariable String code,
                                    @RequestParam(required = false) java.time.LocalDate from,
                                    @RequestParam(required = false) java.time.LocalDate to, Authentication auth) {
        return agencyStats(questions, stats, council, code, from, to, auth);
    }

    /** Shared by the API and the page: the period's checks and who may see the agency. */
    static AgencyQuestionStats.Stats agencyStats(QuestionService questions, AgencyQuestionStats stats,
                                                 CouncilScopes council, String code, java.time.LocalDate from,
                                                 java.time.LocalDate to, Authentication auth) {
        if (code == null || !code.matches("[A-Za-z0-9._-]{1,20}")) {
            throw ApiException.badRequest("questions.stats.invalid");
        }
        java.time.Instant[] period = period(questions, from, to);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(questions.now(), QuestionService.VN);
        boolean all = QuestionViews.has(auth, "ADMIN") || QuestionViews.has(auth, "AUDITOR");
        boolean councilMember = QuestionViews.has(auth, "COUNCIL_MEMBER") && council.covers(auth.getName(), code, today);
        if (!all && !councilMember && !questions.agenciesOf(auth.getName()).contains(code)) {
            throw ApiException.forbidden("questions.forbidden.agency");
        }
        return stats.of(code, period[0], period[1], questions.now());
    }

    /** [from, to) as instants: dates in Vietnam, default this year to today included. */
    static java.time.Instant[] period(QuestionService questions, java.time.LocalDate from, java.time.LocalDate to) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(questions.now(), QuestionService.VN);
        java.time.LocalDate start = from == null ? today.withDayOfYear(1) : from;
        java.time.LocalDate end = to == null ? today.plusDays(1) : to;
        if (!start.isBefore(end) || start.isBefore(java.time.LocalDate.of(2000, 1, 1)) || end.getYear() > 2200) {
            throw ApiException.badRequest("questions.stats.invalid");
        }
        return new java.time.Instant[]{start.atStartOfDay(QuestionService.VN).toInstant(),
                end.atStartOfDay(QuestionService.VN).toInstant()};
    }

    @PostMapping
    @Operation(summary = "Ask a question or send feedback (signed in as a citizen, or anonymously with a contact)",
            description = "Routed to the competent agency for the procedure (if given) at the place, or to the place's "
                    + "People's Committee; an old unit code is followed through the lineage; when uncertain, the "
                    + "province service centre (triage). dueAt: the answer is due then (15 working days). Anonymous "
                    + "questions are limited per client address (motcua.questions.anonymous-per-client, 20/PT1H): 429. "
                    + "dossierCode (optional): the dossier the question is about, linked when the asker may see it (a "
                    + "signed-in citizen's own dossier, or the last 4 digits of contact.phone pass its tracking check) "
                    + "and held by the agency holding it; otherwise 422 naming dossierCode, the same for an unknown "
                    + "code (throttled like dossier tracking).")
    ResponseEntity<QuestionViews.Created> submit(@Valid @RequestBody SubmitQuestion body, Authentication auth,
                                                 jakarta.servlet.http.HttpServletRequest request) {
        var who = views.who(auth);
        views.throttleAnonymous(who, request);
        var dossier = dossierLinks.resolve(body, who, request);
        Question q = questions.submit(body, who, dossier);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(q.id()).toUri())
                .body(views.created(q, store.earlierCode(q.id()).orElse(null), dossier == null ? null : dossier.code()));
    }

    @GetMapping("/public")
    @Operation(summary = "Published questions and answers (redacted), searchable with or without diacritics",
            description = "Public. Every word of q must appear in the subject, question or answer (folded: no diacritics, no case); procedure narrows to one procedure code. Newest first. Only the texts the officer confirmed at publication are returned: no contact, no asker. total counts the matches at most 200 past this page: exact when totalExact is true, otherwise a lower bound (at least total: more matches than that, or counted among the newest 2,000 answers only).")
    Map<String, Object> search(@RequestParam(required = false) String q,
                               @RequestParam(required = false) String procedure,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 1000 || size < 1 || size > 100) {
            throw ApiException.badRequest("questions.paging.invalid");
        }
        if ((q != null && q.length() > 200) || (procedure != null && !procedure.isBlank() && !vn.motcua.catalogue.ProcedureVersion.isCode(procedure))) {
            throw ApiException.badRequest("questions.search.invalid");
        }
        // Counted at most COUNT_AHEAD past this page (a common word matches most answers), exactly or as a lower
        // bound: see PublishedSearchStore.
        var found = questions.searchCounted(q, procedure, page, size, COUNT_AHEAD);
        return Map.of("items", found.items().stream().map(views::published).toList(), "page", page, "size", size,
                "total", found.total(), "totalExact", found.exact());
    }

    @GetMapping("/public/{code}")
    @Operation(summary = "One published question and its answer (redacted)",
            description = "Public. 404 for a code that is not published.")
    QuestionViews.Published published(@PathVariable String code) {
        return questions.published(code).map(views::published)
                .orElseThrow(() -> ApiException.notFound("questions.notFound"));
    }

    record Rating(Boolean useful) {
    }

    @PostMapping("/public/{code}/rating")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "Rate a published answer useful or not (a signed-in citizen; the last rating counts)",
            description = "Body {\"useful\": true|false}. Returns the counts.")
    Map<String, Integer> rate(@PathVariable String code, @RequestBody Rating body, Authentication auth) {
        if (body == null || body.useful() == null) {
            throw ApiException.unprocessable("questions.field.required", "useful")
                    .with("errors", List.of(Map.of("field", "useful", "code", "questions.field.required")));
        }
        int[] counts = questions.rate(code, auth.getName(), body.useful());
        return Map.of("useful", counts[0], "notUseful", counts[1]);
    }

    @GetMapping
    @Operation(summary = "Open questions of the officer's agencies, most urgent first; a citizen's own questions",
            description = "Officers: open questions held by the agencies where they hold a post today, ordered by the limit that governs each one's state, with late=true when it has passed.")
    List<QuestionViews.Listed> list(Authentication auth) {
        var now = questions.now();
        if (QuestionViews.has(auth, "CITIZEN")) {
            return store.askedBy(auth.getName()).stream().map(q -> views.listed(q, now)).toList();
        }
        return store.openOf(questions.agenciesOf(auth.getName()), 500).stream().map(q -> views.listed(q, now)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A question with its history; or, by its code and phoneLast4, the asker's follow-up",
            description = "By id (signed in: its asker, officers of its agency, administrators, auditors): other "
                    + "citizens get 404, other officers 403, anonymous callers 401; includes the contact (personal "
                    + "data) and every event with whether it came after its time limit. By code with phoneLast4 (the "
                    + "last 4 digits of the contact phone; public, throttled like dossier tracking: 429): the state, "
                    + "agency, answer due date, the information asked for, and the answer once given — no question "
                    + "text, no contact; 404 for a wrong pair or an unknown code alike, 400 when malformed.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The question or the follow-up",
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(
                    oneOf = {QuestionViews.Full.class, FollowUps.FollowUp.class})))
    Object get(@PathVariable String id, @RequestParam(required = false) String phoneLast4, Authentication auth,
               jakarta.servlet.http.HttpServletRequest request) {
        if (phoneLast4 != null) {
            return followUps.find(id, phoneLast4, request);
        }
        Who who = views.who(auth);
        if (who.anonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "error.unauthorized");
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("questions.notFound");
        }
        Question q = questions.visible(uuid, who, QuestionViews.has(auth, "AUDITOR"));
        return views.full(q, store.events(uuid), questions.now());
    }

    record FollowUpInformation(String code, String phoneLast4, String text) {
    }

    @PostMapping("/follow-up/information")
    @Operation(summary = "The asker supplies the information asked for, by the question's code and phoneLast4",
            description = "Public, for askers without an account: {code, phoneLast4, text} (the last 4 digits of the "
                    + "contact phone), checked and throttled like the follow-up; from AWAITING_INFORMATION to "
                    + "SUPPLEMENTED (409 in another state, 422 without a text). Returns the follow-up.")
    FollowUps.FollowUp supplyByCode(@RequestBody FollowUpInformation body, jakarta.servlet.http.HttpServletRequest request) {
        if (body == null) {
            throw ApiException.badRequest("questions.followUp.input");
        }
        return followUps.supply(body.code(), body.phoneLast4(), body.text(), request);
    }

    record Version(Integer version) {
    }

    record Reason(Integer version, String reason) {
    }

    record Forward(Integer version, String agencyCode, String reason) {
    }

    record Reassign(Integer version, String assignee) {
    }

    record InformationRequest(Integer version, String message) {
    }

    record Information(Integer version, String text) {
    }

    record Answer(Integer version, String answer) {
    }

    record Publication(Integer version, String subject, String question, String answer) {
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Accept (within 2 working days of receipt, a forward or a supplement)",
            description = "From RECEIVED, FORWARDED or SUPPLEMENTED to PROCESSING; the accepting officer becomes the assignee. 409 in another state, 403 outside the holding agency. Optional version for optimistic locking.")
    QuestionViews.Full accept(@PathVariable UUID id, @RequestBody(required = false) Version body, Authentication auth) {
        return act(auth, who -> questions.accept(id, body == null ? null : body.version(), who));
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Refuse, with a reason",
            description = "From RECEIVED, FORWARDED or SUPPLEMENTED to REFUSED (closed). 422 without a reason.")
    QuestionViews.Full refuse(@PathVariable UUID id, @RequestBody Reason body, Authentication auth) {
        return act(auth, who -> questions.refuse(id, body.version(), body.reason(), who));
    }

    @PostMapping("/{id}/forward")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Forward to another agency, with a reason (its time limits start again)",
            description = "To FORWARDED, held by the target agency (valid today): accept within 2, answer within 15 working days of the forward. Administrators may forward from the triage queue.")
    QuestionViews.Full forward(@PathVariable UUID id, @RequestBody Forward body, Authentication auth) {
        return act(auth, who -> questions.forward(id, body.version(), body.agencyCode(), body.reason(), who));
    }

    @PostMapping("/{id}/reassign")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Give the question to another officer of the same agency",
            description = "The assignee must hold a post in the holding agency today (else 422); the state does not change.")
    QuestionViews.Full reassign(@PathVariable UUID id, @RequestBody Reassign body, Authentication auth) {
        return act(auth, who -> questions.reassign(id, body.version(), body.assignee(), who));
    }

    @PostMapping("/{id}/request-information")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Ask the citizen for more information (within 5 working days; the answer clock pauses)",
            description = "To AWAITING_INFORMATION; the event is marked late when asked after the 5-working-day limit.")
    QuestionViews.Full requestInformation(@PathVariable UUID id, @RequestBody InformationRequest body,
                                          Authentication auth) {
        return act(auth, who -> questions.requestInformation(id, body.version(), body.message(), who));
    }

    @PostMapping("/{id}/information")
    @Operation(summary = "Supply the information asked for (the asker, or an officer of the agency on their behalf)",
            description = "From AWAITING_INFORMATION to SUPPLEMENTED; the text is appended to the question and the answer limit moves by the working days paused.")
    QuestionViews.Full supplement(@PathVariable UUID id, @RequestBody Information body, Authentication auth) {
        return act(auth, who -> questions.supplement(id, body.version(), body.text(), who));
    }

    @PostMapping("/{id}/answer")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Answer (within 15 working days of receipt or of the latest forward)",
            description = "From PROCESSING (or SUPPLEMENTED after acceptance) to ANSWERED; publication is then due within 2 working days.")
    QuestionViews.Full answer(@PathVariable UUID id, @RequestBody Answer body, Authentication auth) {
        return act(auth, who -> questions.answer(id, body.version(), body.answer(), who));
    }

    @GetMapping("/{id}/publication-draft")
    @PreAuthorize(OFFICER)
    @Operation(summary = "The texts to publish with the personal data found hidden, and what was found",
            description = "Names after titles, phone numbers, ID numbers, e-mail addresses, house-number addresses and the asker's name, each replaced by a placeholder, with the findings for the officer to review.")
    QuestionService.Draft draft(@PathVariable UUID id, Authentication auth) {
        return questions.draft(id, views.who(auth));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Publish the confirmed redacted texts (within 2 working days of the answer)",
            description = "Body {subject, question, answer}: the texts the officer confirmed; a text left out is "
                    + "the publication draft's, as it is (so {} publishes the automatic redaction). 422 naming the field "
                    + "while a phone number, an ID number, an e-mail address or the asker's contact remains in a text.")
    QuestionViews.Full publish(@PathVariable UUID id, @RequestBody(required = false) Publication body,
                               Authentication auth) {
        Publication b = body == null ? new Publication(null, null, null, null) : body;
        return act(auth, who -> questions.publish(id, b.version(), b.subject(), b.question(), b.answer(), who));
    }

    // ---- files ------------------------------------------------------------------------------------------------

    @GetMapping("/{id}/attachments")
    @Operation(summary = "The files attached to a question (its asker, officers of its agency, administrators, auditors)",
            description = "Names, types, sizes and whether an officer marked each publishable. 404 to other citizens.")
    List<QuestionFiles.FileInfo> attachments(@PathVariable UUID id, Authentication auth) {
        return files.list(id, views.who(auth), QuestionViews.has(auth, "AUDITOR"));
    }

    @GetMapping("/{id}/attachments/{fileId}")
    @Operation(summary = "One file's bytes (decrypted); an officer's read is written to the access log",
            description = "Same access as the question: 404 to other citizens, 403 to officers of other agencies.")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID fileId, Authentication auth) {
        return bytes(files.read(id, fileId, views.who(auth), QuestionViews.has(auth, "AUDITOR"),
                "GET /api/v1/questions/{id}/attachments/{fileId}"));
    }

    record Publishable(Boolean publishable) {
    }

    @PostMapping("/{id}/attachments/{fileId}/publishable")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Mark a file publishable or not (an officer of the holding agency)",
            description = "Body {\"publishable\": true|false}. A publishable file is shown on the public answer "
                    + "page once the answer is published; files are never public otherwise.")
    QuestionFiles.FileInfo markPublishable(@PathVariable UUID id, @PathVariable UUID fileId,
                                           @RequestBody Publishable body, Authentication auth) {
        if (body == null || body.publishable() == null) {
            throw ApiException.unprocessable("questions.field.required", "publishable")
                    .with("errors", List.of(Map.of("field", "publishable", "code", "questions.field.required")));
        }
        return files.mark(id, fileId, body.publishable(), views.who(auth));
    }

    @GetMapping("/public/{code}/attachments")
    @Operation(summary = "The files an officer marked publishable, of a published answer (public)")
    List<QuestionViews.PublicFile> publicAttachments(@PathVariable String code) {
        return files.published(code).stream().map(QuestionViews::publicFile).toList();
    }

    @GetMapping("/public/{code}/attachments/{fileId}")
    @Operation(summary = "A publishable file of a published answer (public); 404 for any other file")
    ResponseEntity<byte[]> publicAttachment(@PathVariable String code, @PathVariable UUID fileId) {
        return bytes(files.publishedContent(code, fileId));
    }

    static ResponseEntity<byte[]> bytes(QuestionFiles.Content c) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(c.info().contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(c.info().fileName(), java.nio.charset.StandardCharsets.UTF_8).build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(c.bytes());
    }

    /** What every action shares: the signed-in actor acts, and the question is answered as it now is. */
    private QuestionViews.Full act(Authentication auth, java.util.function.Function<Who, Question> action) {
        return full(action.apply(views.who(auth)));
    }

    private QuestionViews.Full full(Question q) {
        return views.full(q, store.events(q.id()), questions.now());
    }

}
