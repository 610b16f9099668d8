package vn.motcua.wallet.web;

import vn.motcua.platform.time.VietnamTime;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import vn.motcua.wallet.internal.WalletDocument;
import vn.motcua.wallet.internal.WalletService;

/** The JSON (and page) view of a stored document: the contract's fields first, then provenance and lineage. */
@Component
public class DocumentViews {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private final WalletService wallet;

    DocumentViews(WalletService wallet) {
        this.wallet = wallet;
    }

    /**
     * @param issuer       the issuing agency as it was (its name on the document)
     * @param issuerUnit   the administrative unit of the issuer on the issue date
     * @param competentNow when that unit has been closed since (a reorganisation), the units that succeed it today;
     *                     the document stays valid (Resolution 190/2025/QH15)
     */
    public record DocumentView(UUID id, String type, String name, String issuer, LocalDate issuedOn,
                               LocalDate validUntil, WalletDocument.Source source, String fileName, String contentType,
                               int size, String sha256, String verificationCode, String dossierCode,
                               boolean validToday, WalletService.Unit issuerUnit, List<WalletService.Unit> competentNow,
                               String digitisedBy, LocalDate digitisedOn, tools.jackson.databind.JsonNode keyFields) {
    }

    public DocumentView view(WalletDocument d) {
        WalletService.Lineage l = wallet.lineage(d);
        return new DocumentView(d.id(), d.type(), d.name(), d.issuerName(), d.issuedOn(), d.validUntil(), d.source(),
                d.fileName(), d.contentType(), d.size(), d.sha256(), d.verificationCode(), d.dossierCode(),
                d.validOn(wallet.today()), l.asIssued(), l.competentNow(), d.digitisedBy(),
                d.digitisedAt() == null ? null : LocalDate.ofInstant(d.digitisedAt(), VietnamTime.ZONE),
                d.keyFields() == null ? null : JSON.readTree(d.keyFields()));
    }

    public List<DocumentView> views(List<WalletDocument> docs) {
        return docs.stream().map(this::view).toList();
    }
}
