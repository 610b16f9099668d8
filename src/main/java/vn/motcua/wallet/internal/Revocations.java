package vn.motcua.wallet.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.Staff;

/**
 * Revocation of a result: by an officer holding a post today in the agency that issued it, or — when the issuer's
 * unit has been closed by a reorganisation — in an agency serving a unit that succeeds it. A reason is required; a
 * revoked result cannot be revoked again, nor reused.
 */
@Service
@Transactional
public class Revocations {

    private final WalletService wallet;
    private final WalletStore store;
    private final Staff staff;
    private final Clock clock;

    Revocations(WalletService wallet, WalletStore store, Staff staff, Clock clock) {
        this.store = store;
        this.wallet = wallet;
        this.staff = staff;
        this.clock = clock;
    }

    public record Revoked(String verificationCode, String document, String dossierCode, java.time.Instant at,
                          String reason, String agency) {
    }

    public Revoked revoke(String code, String reason, String officer) {
        String c = WalletService.normalise(code);
        WalletDocument d = (c == null ? Optional.<WalletDocument>empty() : byCode(c))
                .filter(x -> x.source() == WalletDocument.Source.RESULT)
                .orElseThrow(() -> ApiException.notFound("wallet.revoke.notFound"));
        if (reason == null || reason.isBlank() || reason.strip().length() > 500
                || reason.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n')) {
            throw ApiException.unprocessable("wallet.revoke.reason.missing");
        }
        LocalDate today = wallet.today();
        List<PostHolding> posts = staff.postsOf(officer, today);
        Set<String> successorUnits = wallet.lineage(d).competentNow().stream().map(WalletService.Unit::code)
                .collect(Collectors.toSet());
        PostHolding acting = posts.stream()
                .filter(p -> p.agency().code().equals(d.issuerAgencyCode())).findFirst()
                .or(() -> posts.stream().filter(p -> successorUnits.contains(p.agency().unitCode())).findFirst())
                .orElseThrow(() -> ApiException.forbidden("wallet.revoke.forbidden"));
        if (d.revokedAt() != null) {
            throw ApiException.conflict("wallet.revoke.already");
        }
        java.time.Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String why = vn.motcua.platform.text.InputText.nfc(reason.strip());
        if (!store.revoke(d.id(), at, why, officer, acting.officerName(), acting.agency().name())) {
            throw ApiException.conflict("wallet.revoke.already");
        }
        return new Revoked(d.verificationCode(), d.type(), d.dossierCode(), at, why, acting.agency().name());
    }

    /** The reason a result was revoked, for the public answer. */
    @Transactional(readOnly = true)
    public Optional<String> reason(String verificationCode) {
        return store.revokedReason(verificationCode);
    }

    private Optional<WalletDocument> byCode(String c) {
        return store.byVerificationCode(c);
    }
}
