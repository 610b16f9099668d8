package vn.motcua.wallet.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.privacy.Vault;
import vn.motcua.wallet.internal.Digitisations.Digitisation;

/**
 * The {@code wallet_digitisation} table (V47_5): the counter's scans, sealed at rest by the privacy module's
 * {@link Vault}, with what the background reading found. Every read by id takes the uploading officer.
 */
@Repository
class DigitisationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Scans of a citizen's papers are encrypted at rest under this column's name. */
    private static final String SCAN = "wallet_digitisation.content";
    /** The text read from a scan (an ID card's, a birth certificate's facts): encrypted at rest too. */
    private static final String OCR = "wallet_digitisation.ocr_text";
    private static final String COLUMNS = """
            id, citizen, dossier_id, officer, file_name, content_type, status, read_status, ocr_text, confidence,
            suggested::text, created_at, document_id""";

    private final JdbcClient jdbc;
    private final Vault vault;

    DigitisationStore(JdbcClient jdbc, Vault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    record NewScan(UUID id, String citizen, UUID dossierId, String officer, String officerName, String agencyCode,
                   String agencyName, String fileName, String contentType, byte[] content, String sha256, Instant at) {
    }

    void insert(NewScan s) {
        jdbc.sql("""
                        insert into wallet_digitisation(id, citizen, dossier_id, officer, officer_name, agency_code, agency_name,
                            file_name, content_type, content, sha256, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(s.id(), s.citizen(), s.dossierId(), s.officer(), s.officerName(), s.agencyCode(), s.agencyName(),
                        s.fileName(), s.contentType(), vault.seal(s.content(), SCAN), s.sha256(), Timestamp.from(s.at()))
                .update();
    }

    Optional<Digitisation> find(String officer, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from wallet_digitisation where id = ? and officer = ?")
                .params(id, officer).query(this::map).optional();
    }

    List<Digitisation> recent(String officer) {
        return jdbc.sql("select " + COLUMNS + " from wallet_digitisation where officer = ? order by created_at desc limit 20")
                .param(officer).query(this::map).list();
    }

    /** The scan's bytes, opened. */
    byte[] content(UUID id) {
        return jdbc.sql("select content from wallet_digitisation where id = ?").param(id)
                .query((rs, n) -> vault.open(rs.getBytes(1), SCAN)).single();
    }

    void confirmed(UUID id, UUID documentId) {
        jdbc.sql("update wallet_digitisation set status = 'CONFIRMED', document_id = ? where id = ?")
                .params(documentId, id).update();
    }

    /** Claims the oldest scan waiting, or one whose reading started before {@code staleBefore}; empty when none. */
    Optional<UUID> claim(Instant now, Instant staleBefore) {
        return jdbc.sql("""
                        update wallet_digitisation set status = 'READING', read_at = ?
                        where id = (select id from wallet_digitisation
                                    where status = 'PENDING' or (status = 'READING' and read_at < ?)
                                    order by created_at limit 1 for update skip locked)
                        returning id""")
                .params(Timestamp.from(now), Timestamp.from(staleBefore))
                .query(UUID.class).optional();
    }

    /** What the reading found: READ, or FAILED when no text came out. Only a scan still being read is updated. */
    void read(UUID id, String readStatus, String text, Double confidence, Map<String, String> suggested, Instant at) {
        jdbc.sql("""
                        update wallet_digitisation set status = ?, read_status = ?, ocr_text = ?, confidence = ?,
                            suggested = cast(? as jsonb), read_at = ? where id = ? and status = 'READING'""")
                .params(text == null || text.isBlank() ? "FAILED" : "READ", readStatus, vault.sealText(text, OCR), confidence,
                        JSON.writeValueAsString(suggested), Timestamp.from(at), id)
                .update();
    }

    /** The account whose saved profile carries this personal ID. */
    Optional<String> ownerByPersonalId(String personalId) {
        // the number is encrypted at rest: its blind index is compared
        return jdbc.sql("select owner from wallet_profile where personal_id_bidx = ?")
                .param(vault.blindIndex(personalId, vn.motcua.privacy.Vault.PERSONAL_ID))
                .query(String.class).optional();
    }

    @SuppressWarnings("unchecked")
    private Digitisation map(ResultSet rs, int n) throws SQLException {
        String suggested = rs.getString(11);
        return new Digitisation(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                vault.openText(rs.getBytes(9), OCR),
                rs.getObject(10) == null ? null : rs.getDouble(10),
                suggested == null ? Map.of() : JSON.readValue(suggested, Map.class), rs.getTimestamp(12).toInstant(),
                rs.getObject(13, UUID.class));
    }
}
