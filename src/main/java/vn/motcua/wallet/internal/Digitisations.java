package vn.motcua.wallet.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

    private final DigitisationStore scans;
    private final WalletService wallet;
    private final WalletStore store;
    private final Staff staff;
    private final DossierStoreDocuments dossiers;
    private final Clock clock;
    private final vn.motcua.platform.security.AccountService accounts;

    Digitisations(DigitisationStore scans, WalletService wallet, WalletStore store, Staff staff,
                  DossierStoreDocuments dossiers, Clock clock, vn.motcua.platform.security.AccountService accounts) {
        this.accounts = accounts;
        this.scans = scans;
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
        scans.insert(new DigitisationStore.NewScan(id, owner, dossierId, officer, post.officerName(),
                post.agency().code(), post.agency().name(), fileName.strip(), contentType, content,
                WalletService.sha256(content), clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return find(officer, id);
    }

    @Transactional(readOnly = true)
    public Digitisation find(String officer, UUID id) {
        return scans.find(officer, id).orElseThrow(() -> ApiException.notFound("wallet.digitise.notFound"));
    }

    @Transactional(readOnly = true)
    public List<Digitisation> recent(String officer) {
        return scans.recent(officer);
    }

    @Transactional(readOnly = true)
    public byte[] content(String officer, UUID id) {
        find(officer, id);
        return scans.content(id);
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
        scans.confirmed(id, doc.id());
        return store.find(d.citizen(), doc.id()).orElseThrow();
    }

    // ---- the background reading ------------------------------------------------------------------------------

    /** Claims the oldest scan waiting (or one whose reading was interrupted long ago); empty when none. */
    Optional<UUID> claim() {
        Instant now = clock.instant();
        return scans.claim(now, now.minus(10, ChronoUnit.MINUTES));
    }

    @Transactional(readOnly = true)
    byte[] scan(UUID id) {
        return scans.content(id);
    }

    void read(UUID id, String readStatus, String text, Double confidence) {
        scans.read(id, readStatus, text, confidence, KeyFields.recognise(text), clock.instant());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String citizen(String citizen) {
        if (citizen == null || citizen.isBlank()) {
            throw ApiException.unprocessable("wallet.digitise.citizen");
        }
        String c = citizen.strip();
        Optional<String> owner = c.matches("\\d{12}")
                ? scans.ownerByPersonalId(c)
                : accounts.find(c).filter(a -> a.roles().contains(vn.motcua.platform.security.Role.CITIZEN))
                        .map(vn.motcua.platform.security.AccountService.Account::username);
        return owner.orElseThrow(() -> ApiException.unprocessable("wallet.digitise.citizen"));
    }

    private PostHolding post(String officer) {
        return staff.postsOf(officer, wallet.today()).stream().findFirst()
                .orElseThrow(() -> ApiException.forbidden("wallet.digitise.noPost"));
    }
}
