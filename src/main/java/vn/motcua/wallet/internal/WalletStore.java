package vn.motcua.wallet.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code wallet_document} table. Every read by id takes the owner: another person's document is not found. */
@Repository
public class WalletStore {

    private static final String COLUMNS = """
            id, owner, type, name, issuer_name, issuer_agency_code, issuer_unit_code, issued_on, valid_until, source,
            file_name, content_type, size_bytes, sha256, dossier_id, dossier_code, verification_code, signed, revoked_at, created_at,
            concat_ws(', ', digitised_by_name, digitised_agency) as digitised, digitised_at, key_fields::text as key_fields""";

    private static final String CONTENT = "wallet_document.content";
    private final JdbcClient jdbc;
    /** Encryption at rest of the documents' bytes (privacy module). */
    private final vn.motcua.privacy.Vault vault;

    WalletStore(JdbcClient jdbc, vn.motcua.privacy.Vault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** A digitised copy: the document, and who digitised it, when, the citizen's consent and the key fields. */
    void insertDigitised(WalletDocument d, byte[] content, String officer, String officerName, String agency,
                         java.time.Instant consentAt, String keyFieldsJson) {
        insert(d, content);
        jdbc.sql("""
                        update wallet_document set digitised_by = ?, digitised_by_name = ?, digitised_agency = ?,
                            digitised_at = created_at, consent_at = ?, key_fields = cast(? as jsonb) where id = ?""")
                .params(officer, officerName, agency, Timestamp.from(consentAt), keyFieldsJson, d.id()).update();
    }

    /**
     * Inserts the documents with their files in one statement (the results one delivery keeps); a RESULT of a
     * dossier already held is skipped, as by {@link #insert}.
     */
    void insertAll(List<WalletDocument> docs, List<byte[]> contents) {
        if (docs.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                insert into wallet_document(id, owner, type, name, issuer_name, issuer_agency_code, issuer_unit_code,
                    issued_on, valid_until, source, file_name, content_type, size_bytes, sha256, content,
                    dossier_id, dossier_code, verification_code, signed, created_at) values """);
        List<Object> params = new java.util.ArrayList<>(docs.size() * 20);
        for (int i = 0; i < docs.size(); i++) {
            WalletDocument d = docs.get(i);
            byte[] content = contents.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(d.id(), d.owner(), d.type(), d.name(), d.issuerName(),
                    d.issuerAgencyCode(), d.issuerUnitCode(), d.issuedOn(), d.validUntil(), d.source().name(), d.fileName(),
                    d.contentType(), content.length, d.sha256(), vault.seal(content, CONTENT), d.dossierId(),
                    d.dossierCode(), d.verificationCode(), d.signed(), Timestamp.from(d.createdAt())));
        }
        jdbc.sql(sql.append(" on conflict do nothing").toString()).params(params).update();
    }

    /** Inserts the document; false when a RESULT of the same dossier is already held (idempotent listener). */
    boolean insert(WalletDocument d, byte[] content) {
        return jdbc.sql("""
                        insert into wallet_document(id, owner, type, name, issuer_name, issuer_agency_code, issuer_unit_code,
                            issued_on, valid_until, source, file_name, content_type, size_bytes, sha256, content,
                            dossier_id, dossier_code, verification_code, signed, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                .params(d.id(), d.owner(), d.type(), d.name(), d.issuerName(), d.issuerAgencyCode(), d.issuerUnitCode(),
                        d.issuedOn(), d.validUntil(), d.source().name(), d.fileName(), d.contentType(), content.length,
                        d.sha256(), vault.seal(content, CONTENT), d.dossierId(), d.dossierCode(), d.verificationCode(), d.signed(),
                        Timestamp.from(d.createdAt()))
                .update() == 1;
    }

    public List<WalletDocument> of(String owner) {
        return jdbc.sql("select " + COLUMNS + " from wallet_document where owner = ? order by created_at desc, name")
                .param(owner).query(WalletStore::map).list();
    }

    public Optional<WalletDocument> find(String owner, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from wallet_document where owner = ? and id = ?")
                .params(owner, id).query(WalletStore::map).optional();
    }

    public Optional<byte[]> content(String owner, UUID id) {
        return jdbc.sql("select content from wallet_document where owner = ? and id = ?")
                .params(owner, id).query((rs, n) -> vault.open(rs.getBytes(1), CONTENT)).optional();
    }

    Optional<WalletDocument> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from wallet_document where id = ?").param(id).query(WalletStore::map).optional();
    }

    Optional<byte[]> contentById(UUID id) {
        return jdbc.sql("select content from wallet_document where id = ?").param(id)
                .query((rs, n) -> vault.open(rs.getBytes(1), CONTENT)).optional();
    }

    public Optional<WalletDocument> byVerificationCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from wallet_document where verification_code = ?")
                .param(code).query(WalletStore::map).optional();
    }

    public Optional<WalletDocument> resultBySha256(String sha256) {
        return jdbc.sql("select " + COLUMNS + " from wallet_document where source = 'RESULT' and sha256 = ? limit 1")
                .param(sha256).query(WalletStore::map).optional();
    }

    public Optional<byte[]> contentByVerificationCode(String code) {
        return jdbc.sql("select content from wallet_document where verification_code = ?")
                .param(code).query((rs, n) -> vault.open(rs.getBytes(1), CONTENT)).optional();
    }

    /** Marks a result revoked; false when it already was. */
    boolean revoke(UUID id, Instant at, String reason, String officer, String officerName, String agency) {
        return jdbc.sql("""
                        update wallet_document set revoked_at = ?, revoked_reason = ?, revoked_by = ?, revoked_by_name = ?,
                            revoked_agency = ? where id = ? and revoked_at is null""")
                .params(Timestamp.from(at), reason, officer, officerName, agency, id).update() == 1;
    }

    /** The reason a result was revoked. */
    Optional<String> revokedReason(String verificationCode) {
        return jdbc.sql("select revoked_reason from wallet_document where verification_code = ? and revoked_at is not null")
                .param(verificationCode).query(String.class).optional();
    }

    static WalletDocument map(ResultSet rs, int row) throws SQLException {
        return new WalletDocument(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("type"),
                rs.getString("name"), rs.getString("issuer_name"), rs.getString("issuer_agency_code"),
                rs.getString("issuer_unit_code"), date(rs, "issued_on"), date(rs, "valid_until"),
                WalletDocument.Source.valueOf(rs.getString("source")), rs.getString("file_name"),
                rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                rs.getObject("dossier_id", UUID.class), rs.getString("dossier_code"), rs.getString("verification_code"),
                rs.getBoolean("signed"), instant(rs, "revoked_at"), instant(rs, "created_at"),
                rs.getString("digitised") == null || rs.getString("digitised").isEmpty() ? null : rs.getString("digitised"),
                instant(rs, "digitised_at"), rs.getString("key_fields"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
