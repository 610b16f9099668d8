package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStateChanged;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.ProcessingRules.Action;

/**
 * Processing, from acceptance to the returned result: the one entry point the web layer (and the tests and the bench)
 * call, one method per action. Every action is one transaction on the locked dossier row: optimistic {@code version},
 * an appended event, and {@link DossierStateChanged} when the state changes. Every action takes the instant it
 * happens at ({@code now}); callers pass the platform {@link Clock}'s instant, {@link #now()}.
 *
 * <p>The work is split by concern: {@link ProcessingSteps} (claim, assignment, forward, send-back, inter-agency
 * transfer), {@link ProcessingPauses} (supplement with the clock paused and its answer, extension with Form 04,
 * stop with Form 05), {@link ProcessingResults} (decision, result return, rating), {@link AvailableActions} (what
 * this user may do now); what they share (locking and checks, who acts, finishing and opening steps) is
 * {@link ProcessingContext}.
 */
@Service
@Transactional
public class ProcessingService {

    /** The decision on a dossier. */
    public enum Outcome { APPROVED, DENIED }

    /** How a result is handed to the applicant. */
    public enum Delivery { COUNTER, ONLINE }

    private final ProcessingSteps steps;
    private final ProcessingPauses pauses;
    private final ProcessingResults results;
    private final AvailableActions available;
    private final Clock clock;

    ProcessingService(ProcessingSteps steps, ProcessingPauses pauses, ProcessingResults results,
                      AvailableActions available, Clock clock) {
        this.steps = steps;
        this.pauses = pauses;
        this.results = results;
        this.available = available;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- steps and assignment -----------------------------------------------------------------------

    public Dossier claim(UUID id, Integer version, String username, Instant now) {
        return steps.claim(id, version, username, now);
    }

    /** A leader of the step's agency assigns (or reassigns, e.g. when the officer is absent). */
    public Dossier assign(UUID id, Integer version, String username, String assignee, String reason, Instant now) {
        return steps.assign(id, version, username, assignee, reason, now);
    }

    /** Finishes the current step and hands the dossier to the next one (its queue, or a named officer). */
    public Dossier forward(UUID id, Integer version, String username, String note, String to, Instant now) {
        return steps.forward(id, version, username, note, to, now);
    }

    /** Sends the dossier back one step, with a reason, to the officer who did that step. */
    public Dossier sendBack(UUID id, Integer version, String username, String reason, Instant now) {
        return steps.sendBack(id, version, username, reason, now);
    }

    /** Inter-agency processing (liên thông): the same step continues in another agency's queue. */
    public Dossier transfer(UUID id, Integer version, String username, String agencyCode, String reason, Instant now) {
        return steps.transfer(id, version, username, agencyCode, reason, now);
    }

    // ---- pauses, extension, stop --------------------------------------------------------------------

    /** Form 02 during appraisal: the clock pauses until the applicant answers. */
    public Dossier requestSupplement(UUID id, Integer version, String username, List<RequestItem> items, String note,
                                     Instant now) {
        return pauses.requestSupplement(id, version, username, items, note, now);
    }

    /** The applicant answers online: the clock resumes and the deadlines are recomputed. */
    public Dossier supply(UUID id, Integer version, String username, List<SubmitDossier.AttachmentData> attachments,
                          String note, Instant now) {
        return pauses.supply(id, version, username, attachments, note, now);
    }

    /** Form 04: apology, reason and a new appointment (extension in working days), before the appointment passes. */
    public Dossier extend(UUID id, Integer version, String username, int workingDays, String reason, Instant now) {
        return pauses.extend(id, version, username, workingDays, reason, now);
    }

    /** Form 05: processing stops with a reason (e.g. the applicant withdrew). */
    public Dossier stop(UUID id, Integer version, String username, String reason, Instant now) {
        return pauses.stop(id, version, username, reason, now);
    }

    // ---- decision and result ------------------------------------------------------------------------

    /** The approving officer records the decision with an uploaded PDF result, or a generated one. */
    public Dossier decide(UUID id, Integer version, String username, Outcome outcome, String summary,
                          SubmitDossier.AttachmentData document, Instant now) {
        return results.decide(id, version, username, outcome, summary, document, now);
    }

    public Dossier returnResult(UUID id, Integer version, String username, Delivery delivery, Instant now) {
        return results.returnResult(id, version, username, delivery, now);
    }

    /** The applicant rates the service once, 1–5, with an optional comment. */
    public Dossier rate(UUID id, String username, int rating, String comment, Instant now) {
        return results.rate(id, username, rating, comment, now);
    }

    // ---- what this user may do now (for the pages and the API) --------------------------------------

    public Set<Action> available(Dossier d, String username, Instant now) {
        return available.of(d, username, now);
    }
}
