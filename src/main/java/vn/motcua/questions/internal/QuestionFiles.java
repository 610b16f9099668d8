package vn.motcua.questions.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.AttachmentFiles;
import vn.motcua.platform.api.ApiException;
import vn.motcua.privacy.Vault;
import vn.motcua.questions.QuestionState;

/**
 * Files attached to questions: decoded and checked like dossier attachments ({@link AttachmentFiles}: by parsing),
 * stored encrypted through the privacy module's {@link Vault} (column {@value #COLUMN}), never public unless an
 * officer marks one publishable, and then only once the answer is published. Access rules are the caller's
 * ({@link QuestionService#visible}); this class is the table's store.
 */
@Service
@Transactional
public class QuestionFiles {

    public static final String COLUMN = "question_attachment.content";
    public static final int MAX_FILES = 5;

    private final JdbcClient jdbc;
    private final Vault vault;

    QuestionFiles(JdbcClient jdbc, Vault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** A file's description (no bytes). */
    public record FileInfo(UUID id, UUID questionId, String fileName, String contentType, int sizeBytes,
                           String sha256, Instant uploadedAt, boolean publishable) {
    }

    /** A decoded, checked upload, not stored yet. */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    /** A file's description and its plain bytes. */
    public record Content(FileInfo info, byte[] bytes) {
    }

    /**
     * Decodes and checks the uploads before anything is stored: 422 naming {@code attachments[i]} for a missing
     * name or content, bad base64, or a file the dossier attachment policy refuses; 422 for more than
     * {@value #MAX_FILES} files.
     */
    public static List<Upload> decode(List<SubmitQuestion.Attachment> attachments) {
        List<Upload> uploads = new ArrayList<>();
        if (attachments == null) {
            return uploads;
        }
        if (attachments.size() > MAX_FILES) {
            throw ApiException.unprocessable("questions.attachment.tooMany", MAX_FILES)
                    .with("errors", List.of(Map.of("field", "attachments", "code", "questions.attachment.tooMany")));
        }
        for (int i = 0; i < attachments.size(); i++) {
            var a = attachments.get(i);
            String field = "attachments[" + i + "]";
            if (a == null || a.fileName() == null || a.fileName().isBlank() || a.contentBase64() == null) {
                throw invalid("questions.attachment.missing", field, String.valueOf(i + 1));
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(a.contentBase64());
            } catch (IllegalArgumentException e) {
                throw invalid("questions.attachment.base64", field, a.fileName());
            }
            String type;
            try {
                type = AttachmentFiles.check(a.fileName(), bytes);
            } catch (ApiException e) {
                throw e.with("errors", List.of(Map.of("field", field, "code", e.messageKey())));
            }
            uploads.add(new Upload(a.fileName().strip(), type, bytes));
        }
        return uploads;
    }

    private static ApiException invalid(String key, String field, String arg) {
        return ApiException.unprocessable(key, arg).with("errors", List.of(Map.of("field", field, "code", key)));
    }

    void insert(UUID questionId, List<Upload> uploads, String uploadedBy, Instant at) {
        for (Upload u : uploads) {
            jdbc.sql("""
                            insert into question_attachment(id, question_id, file_name, content_type, size_bytes, sha256,
                                                            content, uploaded_by, uploaded_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), questionId, u.fileName(), u.contentType(), u.content().length,
                            sha256(u.content()), vault.seal(u.content(), COLUMN), uploadedBy, Timestamp.from(at))
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public List<FileInfo> of(UUID questionId) {
        return jdbc.sql("select " + INFO + " from question_attachment where question_id = ? order by uploaded_at, file_name")
                .param(questionId).query(QuestionFiles::info).list();
    }

    /** The files an officer marked publishable; empty unless the question is published. */
    @Transactional(readOnly = true)
    public List<FileInfo> published(Question q) {
        if (q.state() != QuestionState.PUBLISHED) {
            return List.of();
        }
        return of(q.id()).stream().filter(FileInfo::publishable).toList();
    }

    /** One file of the question with its decrypted bytes; 404 when it is not one of the question's. */
    @Transactional(readOnly = true)
    public Content content(UUID questionId, UUID fileId) {
        return jdbc.sql("select " + INFO + ", content from question_attachment where question_id = ? and id = ?")
                .params(questionId, fileId)
                .query((rs, n) -> new Content(info(rs, n), vault.open(rs.getBytes("content"), COLUMN)))
                .optional().orElseThrow(() -> ApiException.notFound("questions.attachment.notFound"));
    }

    /** Marks a file publishable or not (the caller checked the officer's agency); 404 when not the question's. */
    public FileInfo mark(UUID questionId, UUID fileId, boolean publishable, String by, Instant at) {
        int n = jdbc.sql("""
                        update question_attachment set publishable = ?, marked_by = ?, marked_at = ?
                        where question_id = ? and id = ?""")
                .params(publishable, by, Timestamp.from(at), questionId, fileId).update();
        if (n == 0) {
            throw ApiException.notFound("questions.attachment.notFound");
        }
        return of(questionId).stream().filter(f -> f.id().equals(fileId)).findFirst().orElseThrow();
    }

    private static final String INFO = "id, question_id, file_name, content_type, size_bytes, sha256, uploaded_at, publishable";

    private static FileInfo info(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FileInfo(rs.getObject("id", UUID.class), rs.getObject("question_id", UUID.class),
                rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(), rs.getBoolean("publishable"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
