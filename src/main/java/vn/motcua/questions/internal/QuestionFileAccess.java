package vn.motcua.questions.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.api.ApiException;
import vn.motcua.privacy.AccessLog;
import vn.motcua.questions.QuestionState;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.Staff;

/**
 * Who may see and mark a question's files: the question's access rules ({@link QuestionService#visible}: the asker,
 * officers of the holding agency, administrators, auditors; 404 to other citizens, 403 to other officers). Every
 * officer, administrator or auditor read of a file's bytes writes the privacy module's access log (the question's id
 * in the log's dossier column, {@code what = QUESTION_ATTACHMENT}). The public sees only files marked publishable, of
 * a published question.
 */
@Service
@Transactional
public class QuestionFileAccess {

    public static final String LOGGED_AS = "QUESTION_ATTACHMENT";

    private final QuestionService questions;
    private final QuestionFiles files;
    private final AccessLog accessLog;
    private final Staff staff;
    private final Clock clock;

    QuestionFileAccess(QuestionService questions, QuestionFiles files, AccessLog accessLog, Staff staff, Clock clock) {
        this.questions = questions;
        this.files = files;
        this.accessLog = accessLog;
        this.staff = staff;
        this.clock = clock;
    }

    public List<QuestionFiles.FileInfo> list(UUID questionId, Who who, boolean auditor) {
        return files.of(questions.visible(questionId, who, auditor).id());
    }

    /** A file's bytes for someone who may see the question; logged unless the reader is the asker. */
    public QuestionFiles.Content read(UUID questionId, UUID fileId, Who who, boolean auditor, String purpose) {
        Question q = questions.visible(questionId, who, auditor);
        QuestionFiles.Content c = files.content(q.id(), fileId);
        if (!who.anonymous() && !who.citizen()) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), QuestionService.VN);
            PostHolding post = staff.postsOf(who.username(), today).stream()
                    .filter(p -> p.agency().code().equals(q.agencyCode())).findFirst()
                    .orElse(staff.postsOf(who.username(), today).stream().findFirst().orElse(null));
            accessLog.viewed(q.id(), new AccessLog.Viewer(who.username(), who.displayName(),
                    post == null ? null : post.agency().code(), post == null ? null : post.postTitle()),
                    LOGGED_AS, purpose);
        }
        return c;
    }

    /** An officer of the holding agency (or an administrator) marks a file publishable or not. */
    public QuestionFiles.FileInfo mark(UUID questionId, UUID fileId, boolean publishable, Who who) {
        if (who.anonymous() || who.citizen()) {
            throw ApiException.forbidden("questions.forbidden.agency");
        }
        Question q = questions.visible(questionId, who, false);
        return files.mark(q.id(), fileId, publishable, who.username(), clock.instant());
    }

    /** The publishable files of a published answer, by its code (404 when not published). */
    @Transactional(readOnly = true)
    public List<QuestionFiles.FileInfo> published(String code) {
        Question q = questions.published(code).orElseThrow(() -> ApiException.notFound("questions.notFound"));
        return files.published(q);
    }

    /** A publishable file of a published answer; 404 otherwise (not published, not marked, not its file). */
    @Transactional(readOnly = true)
    public QuestionFiles.Content publishedContent(String code, UUID fileId) {
        Question q = questions.published(code).orElseThrow(() -> ApiException.notFound("questions.notFound"));
        QuestionFiles.Content c = files.content(q.id(), fileId);
        if (q.state() != QuestionState.PUBLISHED || !c.info().publishable()) {
            throw ApiException.notFound("questions.attachment.notFound");
        }
        return c;
    }
}
