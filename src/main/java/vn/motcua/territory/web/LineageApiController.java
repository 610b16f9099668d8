package vn.motcua.territory.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.territory.internal.LineageReview;

@RestController
@RequestMapping("/api/v1/territory")
@Tag(name = "Territory lineage review", description = "Suspicious lineage links found at import, and lineage corrections (administrators)")
class LineageApiController {

    private final LineageReview review;

    LineageApiController(LineageReview review) {
        this.review = review;
    }

    @GetMapping("/lineage-review")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "Lineage links flagged as suspicious by the import checks",
            description = "kind OUTSIDE_PROVINCE, PARTIAL_SAME_NAME, SAME_NAME_CLAIMED or FULL_AND_SHARED; explanation in the "
                    + "caller's language; corrected and currentSuccessors say what the lineage follows now.")
    List<LineageReview.FlagView> flags() {
        return review.flags();
    }

    @GetMapping("/lineage-corrections")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "Lineage corrections, newest first (current = the one the lineage follows for that old unit)")
    List<LineageReview.CorrectionView> corrections() {
        return review.corrections();
    }

    @PostMapping("/lineage-corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Record a lineage correction: the units an old unit really went to",
            description = "A new versioned row: the imported links are kept, this one supersedes them (and earlier "
                    + "corrections of the same old unit) for successors, the old-address look-up and routing, at once. "
                    + "400 when incomplete, 422 when a code names no unit or a FULL share is shared.")
    LineageReview.CorrectionView record(@RequestBody LineageReview.CorrectionRequest request, Authentication auth) {
        return review.record(request, auth.getName());
    }
}
