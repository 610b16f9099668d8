package vn.motcua.questions.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.api.ApiException;
import vn.motcua.questions.internal.CouncilSittingStore;
import vn.motcua.questions.internal.CouncilSittings;
import vn.motcua.questions.internal.QuestionService;
import vn.motcua.questions.internal.Who;

/** "Dân hỏi – Chính quyền trả lời": the council's sittings, the leaders' answers, and the published sittings. */
@RestController
@RequestMapping("/api/v1/council")
@Tag(name = "Council sittings", description = "Citizens ask, the government answers: People's Council sittings")
class CouncilApi {

    private final CouncilSittings sittings;
    private final QuestionViews views;

    CouncilApi(CouncilSittings sittings, QuestionViews views) {
        this.sittings = sittings;
        this.views = views;
    }

    record NewSitting(String unitCode, String title, LocalDate date) {
    }

    record Leader(String username, String name) {
    }

    record Agency(String code, String name) {
    }

    record SelectionJson(UUID questionId, String questionCode, String subject, Agency agency, Leader leader,
                         LocalDate answerBy, boolean answered, String answer, Instant answeredAt) {
    }

    record SittingJson(UUID id, String unitCode, String title, LocalDate date, String state, Instant closedAt,
                       List<SelectionJson> selections) {
    }

    record PublicAnswer(String questionCode, String subject, String question, String answer, Agency agency,
                        String answeredBy, Instant answeredAt) {
    }

    record PublicSitting(UUID id, String unitCode, String title, LocalDate date, Instant publishedAt,
                         List<PublicAnswer> answers) {
    }

    record Select(UUID questionId, String leader, LocalDate answerBy) {
    }

    record Answer(String answer) {
    }

    record Close(Map<UUID, CouncilSittings.Texts> selections) {
    }

    @PostMapping("/sittings")
    @PreAuthorize("hasRole('COUNCIL_MEMBER')")
    @Operation(summary = "Create a sitting of the member's council",
            description = "unitCode: a unit in the member's scope (2 digits: a province; 5: a commune-level unit).")
    ResponseEntity<SittingJson> create(@RequestBody NewSitting body, Authentication auth) {
        CouncilSittingStore.Sitting s = sittings.create(body.unitCode(), body.title(), body.date(), views.who(auth));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(s, false));
    }

    @GetMapping("/sittings")
    @PreAuthorize("hasRole('COUNCIL_MEMBER')")
    @Operation(summary = "The sittings of the member's councils, newest first")
    List<SittingJson> mine(Authentication auth) {
        return sittings.mine(views.who(auth)).stream().map(s -> new SittingJson(s.id(), s.unitCode(), s.title(), s.date(),
                s.state(), s.closedAt(), null)).toList();
    }

    @GetMapping("/sittings/{id}")
    @Operation(summary = "A sitting with its selections",
            description = "For members of its council, administrators, and the leaders assigned a question in it "
                    + "(404 for others). The leaders' answers are shown as written, before redaction.")
    SittingJson sitting(@PathVariable UUID id, Authentication auth) {
        return json(sittings.visible(id, views.who(auth)), true);
    }

    @PostMapping("/sittings/{id}/selections")
    @PreAuthorize("hasRole('COUNCIL_MEMBER')")
    @Operation(summary = "Select a question and assign a leader to answer it by a date",
            description = "The question must be held by an agency of the sitting's unit (not refused); the leader "
                    + "must hold a LEADER post of that agency today; 422 naming questionId, leader or answerBy.")
    ResponseEntity<SittingJson> select(@PathVariable UUID id, @RequestBody Select body, Authentication auth) {
        Who who = views.who(auth);
        sittings.select(id, body.questionId(), body.leader(), body.answerBy(), who);
        return ResponseEntity.status(HttpStatus.CREATED).body(json(sittings.visible(id, who), true));
    }

    @GetMapping("/assignments")
    @Operation(summary = "The questions of open sittings the signed-in leader is to answer")
    List<SelectionJson> assignments(Authentication auth) {
        return sittings.assignedTo(views.who(auth)).stream().map(CouncilApi::selection).toList();
    }

    @PostMapping("/sittings/{id}/selections/{questionId}/answer")
    @Operation(summary = "The assigned leader answers (again, while the sitting is open)")
    SelectionJson answer(@PathVariable UUID id, @PathVariable UUID questionId, @RequestBody Answer body,
                         Authentication auth) {
        return selection(sittings.answer(id, questionId, body.answer(), views.who(auth)));
    }

    @GetMapping("/sittings/{id}/publication-draft")
    @PreAuthorize("hasRole('COUNCIL_MEMBER')")
    @Operation(summary = "What closing would publish: each selection's texts, personal data replaced")
    List<CouncilSittings.SelectionDraft> draft(@PathVariable UUID id, Authentication auth) {
        return sittings.draft(id, views.who(auth));
    }

    @PostMapping("/sittings/{id}/close")
    @PreAuthorize("hasRole('COUNCIL_MEMBER')")
    @Operation(summary = "Close the sitting: publish every answer together, or none",
            description = "Optional confirmed texts per question id ({subject, question, answer}; a text left out "
                    + "is the automatic draft's). 409 while a selection is unanswered; 422 naming "
                    + "selections[questionId].field while a text still holds personal data.")
    SittingJson close(@PathVariable UUID id, @RequestBody(required = false) Close body, Authentication auth) {
        Who who = views.who(auth);
        sittings.close(id, body == null ? null : body.selections(), who);
        return json(sittings.visible(id, who), true);
    }

    @GetMapping("/sittings/public")
    @Operation(summary = "Published sittings, newest first (public)")
    List<PublicSitting> published() {
        return sittings.publishedSittings().stream().map(s -> new PublicSitting(s.id(), s.unitCode(), s.title(), s.date(),
                s.closedAt(), null)).toList();
    }

    @GetMapping("/sittings/public/{id}")
    @Operation(summary = "One published sitting with its questions and answers, redacted (public)")
    PublicSitting published(@PathVariable UUID id) {
        return publicSitting(sittings, id);
    }

    static PublicSitting publicSitting(CouncilSittings sittings, UUID id) {
        CouncilSittingStore.Sitting s = sittings.published(id)
                .orElseThrow(() -> ApiException.notFound("questions.sitting.notFound"));
        List<PublicAnswer> answers = sittings.selectionsOf(id).stream().map(x -> new PublicAnswer(x.questionCode(),
                x.publicSubject(), x.publicQuestion(), x.publicAnswer(), new Agency(x.agencyCode(), x.agencyName()),
                x.leaderName(), x.answeredAt())).toList();
        return new PublicSitting(s.id(), s.unitCode(), s.title(), s.date(), s.closedAt(), answers);
    }

    private SittingJson json(CouncilSittingStore.Sitting s, boolean withSelections) {
        List<SelectionJson> sels = null;
        if (withSelections) {
            sels = sittings.selections(s.id()).stream().map(v -> {
                SelectionJson j = selection(v.selection());
                return new SelectionJson(j.questionId(), j.questionCode(), v.subject(), j.agency(), j.leader(),
                        j.answerBy(), j.answered(), j.answer(), j.answeredAt());
            }).toList();
        }
        return new SittingJson(s.id(), s.unitCode(), s.title(), s.date(), s.state(), s.closedAt(), sels);
    }

    private static SelectionJson selection(CouncilSittingStore.Selection x) {
        return new SelectionJson(x.questionId(), x.questionCode(), null, new Agency(x.agencyCode(), x.agencyName()),
                new Leader(x.leader(), x.leaderName()), x.answerBy(), x.answer() != null, x.answer(), x.answeredAt());
    }
}
