package vn.motcua.wallet.internal;

import vn.motcua.platform.time.VietnamTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.AttachmentFiles;
import vn.motcua.dossier.ResultReturned;
import vn.motcua.dossier.spi.ResultStore;
import vn.motcua.dossier.spi.ReusableDocuments;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryHistory;

/**
 * The citizen's data store: uploads (judged by the dossier module's attachment policy), results issued by Motcua (kept
 * a moment after they are returned, stamped with a verification code and signed), reuse in new dossiers, public
 * verification, and the issuer read through the territory's lineage.
 */
@Service
@Transactional
public class WalletService implements ReusableDocuments, ResultStore {

    static final ZoneId VN = VietnamTime.ZONE;
    /** Crockford's base32 without I, L, O, U: no code reads as another. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Logger log = LoggerFactory.getLogger(WalletService.class);

    private final WalletStore store;
    private final Territory territory;
    private final TerritoryHistory history;
    private final ResultStamp stamp;
    private final ResultSigner signer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final vn.motcua.privacy.Consents consents;

    WalletService(WalletStore store, Territory territory, TerritoryHistory history, ResultStamp stamp, ResultSigner signer,
                  Clock clock, vn.motcua.privacy.Consents consents) {
        this.consents = consents;
        this.signer = signer;
        this.store = store;
        this.territory = territory;
        this.history = history;
        this.stamp = stamp;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VN);
    }

    // ---- the citizen's documents ----------------------------------------------------------------------------

    /** What the citizen tells about an upload; the file is checked by the dossiers' attachment policy. */
    public record Upload(String type, String name, String issuer, String issuerUnitCode, LocalDate issuedOn,
                         LocalDate validUntil, String fileName, byte[] content) {
    }

    public WalletDocument upload(String owner, Upload u) {
        WalletDocument d = checked(u);
        d = new WalletDocument(d.id(), owner, d.type(), d.name(), d.issuerName(), null, d.issuerUnitCode(), d.issuedOn(),
                d.validUntil(), d.source(), d.fileName(), d.contentType(), d.size(), d.sha256(), null, null, null, false,
                null, d.createdAt(), null, null, null);
        store.insert(d, u.content());
        // Putting a document into the store, whose purpose the page states, is the citizen's consent to its reuse,
        // unless they decided otherwise before (a withdrawal stays a withdrawal).
        consents.giveUnlessDecided(owner, vn.motcua.privacy.Consents.DATA_STORE_REUSE, "upload to the data store");
        return d;
    }

    private WalletDocument checked(Upload u) {
        String type = text(u.type(), "wallet.upload.type", 200);
        String name = u.name() == null || u.name().isBlank() ? type : text(u.name(), "wallet.upload.name", 200);
        String issuer = u.issuer() == null || u.issuer().isBlank() ? null : text(u.issuer(), "wallet.upload.issuer", 300);
        if (u.issuerUnitCode() != null && !u.issuerUnitCode().isBlank() && !u.issuerUnitCode().matches("\\d{2}|\\d{3}|\\d{5}")) {
            throw ApiException.unprocessable("wallet.upload.unit", u.issuerUnitCode());
        }
        LocalDate today = today();
        if (u.issuedOn() != null && u.issuedOn().isAfter(today)) {
            throw ApiException.unprocessable("wallet.upload.issuedOn");
        }
        if (u.validUntil() != null && u.issuedOn() != null && u.validUntil().isBefore(u.issuedOn())) {
            throw ApiException.unprocessable("wallet.upload.validUntil");
        }
        if (u.fileName() == null || u.content() == null) {
            throw ApiException.unprocessable("wallet.upload.file");
        }
        String contentType = AttachmentFiles.check(u.fileName(), u.content());
        return new WalletDocument(UUID.randomUUID(), null, type, name, issuer, null,
                u.issuerUnitCode() == null || u.issuerUnitCode().isBlank() ? null : u.issuerUnitCode(), u.issuedOn(),
                u.validUntil(), WalletDocument.Source.UPLOAD, u.fileName().strip(), contentType, u.content().length,
                sha256(u.content()), null, null, null, false, null, now(), null, null, null);
    }

    /** A digitised copy, checked like an upload; not yet inserted (see {@link Digitisations#confirm}). */
    WalletDocument digitised(String owner, Upload u, UUID dossierId) {
        WalletDocument d = checked(u);
        return new WalletDocument(d.id(), owner, d.type(), d.name(), d.issuerName(), null, null, d.issuedOn(),
                d.validUntil(), WalletDocument.Source.DIGITISED, d.fileName(), d.contentType(), d.size(), d.sha256(),
                dossierId, null, null, false, null, d.createdAt(), null, null, null);
    }

    @Transactional(readOnly = true)
    public List<WalletDocument> documents(String owner) {
        return store.of(owner);
    }

    /** The owner's document; another person's (or an unknown id) is a 404, the same answer. */
    @Transactional(readOnly = true)
    public WalletDocument document(String owner, UUID id) {
        return store.find(owner, id).orElseThrow(() -> ApiException.notFound("wallet.document.notFound"));
    }

    @Transactional(readOnly = true)
    public byte[] content(String owner, UUID id) {
        return store.content(owner, id).orElseThrow(() -> ApiException.notFound("wallet.document.notFound"));
    }

    /**
     * A document by id alone, for a read through a dossier where it was attached: the caller has checked that (see
     * {@code vn.motcua.dossier.DossierStoreDocuments}); never for a citizen.
     */
    @Transactional(readOnly = true)
    public WalletDocument documentForDossier(UUID id) {
        return store.byId(id).orElseThrow(() -> ApiException.notFound("wallet.document.notFound"));
    }

    @Transactional(readOnly = true)
    public byte[] contentForDossier(UUID id) {
        return store.contentById(id).orElseThrow(() -> ApiException.notFound("wallet.document.notFound"));
    }

    // ---- the issuer as it was, and the unit competent now (Resolution 190/2025/QH15) ---------------------------

    public record Unit(String code, String name) {
    }

    /** The issuer's unit as it was on the issue date, and — if it has been closed since — its successors today. */
    public record Lineage(Unit asIssued, List<Unit> competentNow) {

        public boolean reorganised() {
            return !competentNow.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Lineage lineage(WalletDocument d) {
        if (d.issuerUnitCode() == null) {
            return new Lineage(null, List.of());
        }
        LocalDate issued = d.issuedOn() == null ? d.createdAt().atZone(VN).toLocalDate() : d.issuedOn();
        LocalDate today = today();
        Optional<AdministrativeUnit> unit = territory.unit(d.issuerUnitCode(), issued);
        // Issued before the territory's records begin: the first unit known under that code after the issue date.
        for (int months = 1; unit.isEmpty() && months <= 120 && issued.plusMonths(months).isBefore(today); months++) {
            unit = territory.unit(d.issuerUnitCode(), issued.plusMonths(months).withDayOfMonth(1));
        }
        if (unit.isEmpty()) {
            return new Lineage(new Unit(d.issuerUnitCode(), null), List.of());
        }
        AdministrativeUnit u = unit.get();
        List<Unit> now = u.validOn(today) ? List.of()
                : history.currentSuccessors(u, today).stream().map(WalletService::unit).toList();
        return new Lineage(unit(u), now);
    }

    private static Unit unit(AdministrativeUnit u) {
        return new Unit(u.code(), u.fullName() == null ? u.name() : u.fullName());
    }

    // ---- results issued by Motcua --------------------------------------------------------------------------

    /**
     * After the return commits, in the dossier module's delivery transaction (which clears the result's mark in the
     * same transaction, so it is kept once): an approved result of a dossier the citizen submitted online enters their
     * store, stamped with its verification code and signed. Counter dossiers were submitted by an officer's account:
     * their results are not put into that account's store.
     */
    @Override
    public void keep(ResultReturned e) {
        keepAll(List.of(e));
    }

    /** As {@link #keep}, for the results one delivery groups: each stamped and signed, all inserted in one statement. */
    @Override
    public void keepAll(List<ResultReturned> results) {
        List<WalletDocument> docs = new ArrayList<>(results.size());
        List<byte[]> contents = new ArrayList<>(results.size());
        for (ResultReturned e : results) {
            if (!"ONLINE".equals(e.channel()) || !"APPROVED".equals(e.outcome()) || e.content() == null) {
                continue;
            }
            String code = verificationCode();
            byte[] content = e.content();
            boolean[] signed = {false};
            if ("application/pdf".equals(e.contentType())) {
                try {
                    // One pass: the stamp, then the signature appended to the same loaded document
                    content = stamp.stamp(e.content(), code, e.dossierCode(), (doc, size) -> {
                        byte[] s = signer.sign(doc, size, e.agencyName() == null ? "Motcua" : e.agencyName(),
                                "Kết quả giải quyết hồ sơ " + (e.dossierCode() == null ? "" : e.dossierCode()));
                        signed[0] = s != null;
                        return s != null ? s : ResultStamp.save(doc, size);
                    });
                } catch (RuntimeException | java.io.IOException ex) {
                    signed[0] = false;
                    log.warn("result of dossier {} kept unsigned: {}", e.dossierId(), ex.toString());
                    content = stampedOrAsIs(e, code);
                }
            }
            String type = e.resultName() == null ? e.procedureName() : e.resultName();
            docs.add(new WalletDocument(UUID.randomUUID(), e.applicantUsername(), type,
                    type + (e.dossierCode() == null ? "" : " (" + e.dossierCode() + ")"), e.agencyName(), e.agencyCode(),
                    e.agencyUnitCode(), LocalDate.ofInstant(e.decidedAt(), VN), null, WalletDocument.Source.RESULT,
                    e.fileName(), e.contentType(), content.length, sha256(content), e.dossierId(), e.dossierCode(), code,
                    signed[0], null, now(), null, null, null));
            contents.add(content);
        }
        store.insertAll(docs, contents);
    }

    /** A result whose signing failed: stamped if it can be, else as it came. */
    private byte[] stampedOrAsIs(ResultReturned e, String code) {
        try {
            return stamp.stamp(e.content(), code, e.dossierCode());
        } catch (RuntimeException | java.io.IOException ex) {
            return e.content();
        }
    }

    /**
     * The public answer about a result: by its verification code, or by the file itself.
     *
     * @param signed the result carries Motcua's PAdES signature (for a file: and the signature verifies)
     */
    public record Verification(boolean valid, String issuer, LocalDate issuedOn, String document, String dossierCode,
                               String sha256, boolean signed, boolean revoked, LocalDate revokedOn, String status) {

        static Verification unknown() {
            return new Verification(false, null, null, null, null, null, false, false, null, "không tìm thấy");
        }

        static Verification of(WalletDocument d) {
            LocalDate revokedOn = d.revokedAt() == null ? null : LocalDate.ofInstant(d.revokedAt(), VN);
            return new Verification(d.revokedAt() == null, d.issuerName(), d.issuedOn(), d.type(), d.dossierCode(),
                    d.sha256(), d.signed(), d.revokedAt() != null, revokedOn,
                    revokedOn == null ? "hợp lệ" : "đã thu hồi ngày " + revokedOn.format(
                            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }

        /** A file that is not a result Motcua issued, or that was changed after signing. */
        static Verification notMatching(boolean pdfSigned) {
            return new Verification(false, null, null, null, null, null, pdfSigned, false, null,
                    pdfSigned ? "chữ ký không hợp lệ hoặc tệp đã bị thay đổi" : "tệp không có chữ ký số của Một cửa");
        }
    }

    @Transactional(readOnly = true)
    public Verification verify(String code) {
        String c = normalise(code);
        if (c == null) {
            return Verification.unknown();
        }
        return store.byVerificationCode(c).filter(d -> d.source() == WalletDocument.Source.RESULT)
                .map(Verification::of).orElse(Verification.unknown());
    }

    /**
     * A file is valid when it is, byte for byte, a result Motcua issued (its SHA-256), and, if it was signed, its PAdES
     * signature verifies: a modified file is not.
     */
    @Transactional(readOnly = true)
    public Verification verifyFile(byte[] content) {
        if (content == null || content.length == 0) {
            return Verification.unknown();
        }
        Optional<WalletDocument> held = store.resultBySha256(sha256(content));
        if (held.isEmpty()) {
            return Verification.notMatching(ResultSigner.hasSignature(content));
        }
        WalletDocument d = held.get();
        // A signed result must also verify: its signature covers the whole file and chains to the configured CA.
        boolean signatureOk = d.signed() && signer.verify(content);
        if (d.signed() && !signatureOk) {
            return Verification.notMatching(true);
        }
        return Verification.of(d);
    }

    /** Upper case, spaces and hyphens removed, O read as 0 and I/L as 1; null when it cannot be a code. */
    static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String c = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
        return c.matches("[0-9A-HJKMNP-TV-Z]{12}") ? c : null;
    }

    String verificationCode() {
        char[] out = new char[12];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    // ---- reuse in a new dossier (the dossier module's port) -------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<Resolved> resolve(String owner, UUID documentId) {
        if (!reuseAllowed(owner)) {
            return Optional.empty(); // consent withdrawn: nothing of the store goes into a new dossier
        }
        return store.find(owner, documentId).filter(d -> d.revokedAt() == null).flatMap(d -> store.content(owner, d.id())
                .map(c -> new Resolved(d.id(), d.fileName(), d.contentType(), c, d.validUntil())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Held> held(String owner, LocalDate day) {
        List<Held> out = new ArrayList<>();
        if (!reuseAllowed(owner)) {
            return out;
        }
        for (WalletDocument d : store.of(owner)) {
            if (d.validOn(day)) {
                out.add(new Held(d.id(), d.type(), d.name(), d.issuerName(), d.issuedOn(), d.validUntil()));
            }
        }
        return out;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private boolean reuseAllowed(String owner) {
        return consents.allows(owner, vn.motcua.privacy.Consents.DATA_STORE_REUSE);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(String value, String key, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max
                || value.codePoints().anyMatch(cp -> Character.isISOControl(cp) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069))) {
            throw ApiException.unprocessable(key);
        }
        return vn.motcua.platform.text.InputText.nfc(value.strip());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
