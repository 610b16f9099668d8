package vn.motcua.questions.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A People's Council member reads the questions of the agencies they oversee: read-only, redacted, logged. */
@RestController
@RequestMapping("/api/v1/questions/council/questions")
@Tag(name = "Questions", description = "Citizens ask, the government answers in public (phản ánh, kiến nghị)")
class CouncilReadingApi {

    private final CouncilReadingViews views;

    CouncilReadingApi(CouncilReadingViews views) {
        this.views = views;
    }

    @GetMapping
    @PreAuthorize("hasRole('COUNCIL_MEMBER')")
    @Operation(summary = "A council member's list of the questions of the agencies they oversee",
            description = "Read-only, newest first, 50 a page. Filters: agency (403 outside the member's scope), state, "
                    + "late=true (open and past the limit of its state). Subjects are redacted; no contact.")
    CouncilReadingViews.CouncilQuestionRows list(@RequestParam(required = false) String agency,
                                  @RequestParam(required = false) String state,
                                  @RequestParam(required = false) Boolean late,
                                  @RequestParam(defaultValue = "0") int page, Authentication auth) {
        return views.list(auth, CouncilReadingViews.filter(agency, state, late), page);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('COUNCIL_MEMBER')")
    @Operation(summary = "One question as a council member reads it: question, answer and history, redacted",
            description = "403 for a question held by an agency outside the member's scope. The subject, question, "
                    + "answer and the reasons in the history are redacted like a publication (hidden: the kinds "
                    + "found); the asker is never named. Every read is written to the access log "
                    + "(what = QUESTION_COUNCIL).")
    CouncilReadingViews.CouncilQuestionRead read(@PathVariable UUID id, Authentication auth) {
        return views.read(id, auth, "GET /api/v1/questions/council/questions/{id}");
    }
}
