package vn.motcua.wallet.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.AttachmentFiles;
import vn.motcua.dossier.DossierStoreDocuments;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.Staff;

/**
 * Digitisation at the counter: the scan is kept as uploaded (checked by the dossiers' attachment policy) and read in
 * the background ({@link DigitisationWorker}); the officer confirms the type and key fields with the citizen's consent,
 * and the copy enters the citizen's store as DIGITISED ("số hóa bởi …, ngày …") and is attached to the dossier.
 */
@Service
@Transactional
public class Digitisations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final WalletService wallet;
    private final WalletStore store;
    private final Staff staff;
    private final DossierStoreDocuments dossiers;
    private final Clock clock;
    private final vn.motcua.platform.security.AccountService accounts;

    /** Scans of a citizen's papers are encrypted at rest (privacy's {@code Vault}) under this column's name. */
    private static final String SCAN = "wallet_digitisation.content";
    private final vn.motcua.privacy.Vault vault;

    Digitisations(JdbcClient jdbc, WalletService wallet, WalletStore store, Staff staff, DossierStoreDocuments dossiers,
                  Clock clock, vn.motcua.platform.security.AccountService accounts, vn.motcua.privacy.Vault vault) {
        this.vault = vault;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.wallet = wallet;
        this.store = store;
        this.staff = staff;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /**
     * A scan and what was read from it.
     *
     * @param status    PENDING or READING (OCR running in the background), READ, FAILED (nothing read: the officer
     *                  types the fields), CONFIRMED (in the store: {@code documentId})
     * @param suggested key fields recognised in the text, for the officer to confirm
     */
    public record Digitisation(UUID id, String citizen, UUID dossierId, String officer, String fileName,
                               String contentType, String status, String readStatus, String text, Double confidence,
                               Map<String, String> suggested, Instant createdAt, UUID documentId) {

        public boolean pending() {
            return "PENDING".equals(status) || "READING".equals(status);
        }
    }

    /** The officer's upload: kept as it is, read later. The citizen is an account (username) or a profile's personal ID. */
    public Digitisation upload(String officer, String citizen, UUID dossierId, String fileName, byte[] content) {
        String owner = citizen(citizen);
        if (fileName == null || content == null || content.length == 0) {
            throw ApiException.unprocessable("wallet.upload.file");
        }
        String contentType = AttachmentFiles.check(fileName, content);
        PostHolding post = post(officer);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into wallet_digitisation(id, citizen, dossier_id, officer, officer_name, agency_code, agency_name,
                            file_name, content_type, content, sha256, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(id, owner, dossierId, officer, post.officerName(), post.agency().code(), post.agency().name(),
                        fileName.strip(), contentType, vault.seal(content, SCAN), WalletService.sha256(content),
                        Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
        return find(officer, id);
    }

    @Transactional(readOnly = true)
    public Digitisation find(String officer, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from wallet_digitisation where id = ? and officer = ?")
                .params(id, officer).query(Digitisations::map).optional()
                .orElseThrow(() -> ApiException.notFound("wallet.digitise.notFound"));
    }

    @Transactional(readOnly = true)
    public List<Digitisation> recent(String officer) {
        return jdbc.sql("select " + COLUMNS + " from wallet_digitisation where officer = ? order by created_at desc limit 20")
                .param(officer).query(Digitisations::map).list();
    }

    @Transactional(readOnly = true)
    public byte[] content(String officer, UUID id) {
        find(officer, id);
        return jdbc.sql("select content from wallet_digitisation where id = ?").param(id)
                .query((rs, n) -> vault.open(rs.getBytes(1), SCAN)).single();
    }

    /** What the officer confirms. {@code consent} must be given explicitly (never by default: Decree 356/2025). */
    public record Confirmation(String type, String name, String issuer, LocalDate issuedOn, LocalDate validUntil,
                               Map<String, String> fields, Boolean consent) {
    }

    public WalletDocument confirm(Authentication auth, UUID id, Confirmation c) {
        String officer = auth.getName();
        Digitisation d = find(officer, id);
        if ("CONFIRMED".equals(d.status())) {
            throw ApiException.conflict("wallet.digitise.confirmed");
        }
        if (d.pending()) {
            throw ApiException.conflict("wallet.digitise.pending");
        }
        if (!Boolean.TRUE.equals(c.consent())) {
            throw ApiException.unprocessable("wallet.digitise.consent");
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        if (c.fields() != null) {
            c.fields().forEach((k, v) -> {
                if (k != null && k.matches("[A-Za-z]{1,40}") && v != null && !v.isBlank() && v.length() <= 200) {
                    fields.put(k, v.strip());
                }
            });
        }
        byte[] content = content(officer, id);
        WalletDocument doc = wallet.digitised(d.citizen(), new WalletService.Upload(c.type(), c.name(), c.issuer(), null,
                c.issuedOn(), c.validUntil(), d.fileName(), content), d.dossierId());
        PostHolding post = post(officer);
        store.insertDigitised(doc, content, officer, post.officerName(), post.agency().name(), clock.instant(),
                JSON.writeValueAsString(fields));
        if (d.dossierId() != null) {
            dossiers.attach(d.dossierId(), doc.id(), d.fileName(), doc.contentType(), content, auth);
        }
        jdbc.sql("update wallet_digitisation set status = 'CONFIRMED', document_id = ? where id = ?")
                .params(doc.id(), id).update();
        return store.find(d.citizen(), doc.id()).orElseThrow();
    }

    // ---- the background reading ------------------------------------------------------------------------------

    /** Claims the oldest scan waiting (or one whose reading was interrupted long ago); empty when none. */
    Optional<UUID> claim() {
        return jdbc.sql("""
                        update wallet_digitisation set status = 'READING', read_at = ?
                        where id = (select id from wallet_digitisation
                                    where status = 'PENDING' or (status = 'READING' and read_at < ?)
                                    order by created_at limit 1 for update skip locked)
                        returning id""")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant().minus(10, ChronoUnit.MINUTES)))
                .query(UUID.class).optional();
    }

    @Transactional(readOnly = true)
    byte[] scan(UUID id) {
        return jdbc.sql("select content from wallet_digitisation where id = ?").param(id)
                .query((rs, n) -> vault.open(rs.getBytes(1), SCAN)).single();
    }

    void read(UUID id, String readStatus, String text, Double confidence) {
        Map<String, String> suggested = KeyFields.recognise(text);
        jdbc.sql("""
                        update wallet_digitisation set status = ?, read_status = ?, ocr_text = ?, confidence = ?,
                            suggested = cast(? as jsonb), read_at = ? where id = ? and status = 'READING'""")
                .params(text == null || text.isBlank() ? "FAILED" : "READ", readStatus, text, confidence,
                        JSON.writeValueAsString(suggested), Timestamp.from(clock.instant()), id)
                .update();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String citizen(String citizen) {
        if (citizen == null || citizen.isBlank()) {
            throw ApiException.unprocessable("wallet.digitise.citizen");
        }
        String c = citizen.strip();
        Optional<String> owner = c.matches("\\d{12}")
                ? jdbc.sql("select owner from wallet_profile where personal_id = ?").param(c).query(String.class).optional()
                : accounts.find(c).filter(a -> a.roles().contains(vn.motcua.platform.security.Role.CITIZEN))
                        .map(vn.motcua.platform.security.AccountService.Account::username);
        return owner.orElseThrow(() -> ApiException.unprocessable("wallet.digitise.citizen"));
    }

    private PostHolding post(String officer) {
        return staff.postsOf(officer, wallet.today()).stream().findFirst()
                .orElseThrow(() -> ApiException.forbidden("wallet.digitise.noPost"));
    }

    private static final String COLUMNS = """
            id, citizen, dossier_id, officer, file_name, content_type, status, read_status, ocr_text, confidence,
            suggested::text, created_at, document_id""";

    @SuppressWarnings("unchecked")
    private static Digitisation map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String suggested = rs.getString(11);
        return new Digitisation(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10) == null ? null : rs.getDouble(10),
                suggested == null ? Map.of() : JSON.readValue(suggested, Map.class), rs.getTimestamp(12).toInstant(),
                rs.getObject(13, UUID.class));
    }
}
