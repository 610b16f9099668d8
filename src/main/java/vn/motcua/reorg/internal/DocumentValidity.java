package vn.motcua.reorg.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryHistory;

/**
 * "A document issued by an old unit on a date": which unit issued it, that it stays valid until it expires
 * (Resolution 190/2025/QH15, art. 10: documents issued before a reorganisation keep their validity), and which
 * unit (and its agencies) is competent for it now.
 */
@Service
public class DocumentValidity {

    public static final String LEGAL_BASIS = "Nghị quyết 190/2025/QH15, Điều 10";

    private final Territory territory;
    private final TerritoryHistory history;

    DocumentValidity(Territory territory, TerritoryHistory history) {
        this.territory = territory;
        this.history = history;
    }

    public record Competent(String code, String fullName, String type, List<String> agencies) {
    }

    public record Answer(String unitCode, LocalDate issuedOn, String issuedBy, String issuedByType, boolean unitStillExists,
                         boolean validUntilExpiry, String legalBasis, LocalDate asOf, List<Competent> competentNow) {
    }

    public Answer answer(String unitCode, LocalDate issuedOn, LocalDate asOf) {
        if (unitCode == null || unitCode.isBlank() || issuedOn == null) {
            throw ApiException.badRequest("reorg.validity.input");
        }
        AdministrativeUnit issuer = territory.unit(unitCode.strip(), issuedOn)
                .orElseThrow(() -> ApiException.notFound("reorg.validity.noUnit", unitCode, issuedOn));
        List<Competent> now = history.currentSuccessors(issuer, asOf).stream()
                .map(u -> new Competent(u.code(), u.fullName(), u.type().name(),
                        territory.agencies(u.code(), asOf).stream().map(Agency::name).toList()))
                .toList();
        return new Answer(issuer.code(), issuedOn, issuer.fullName(), issuer.type().name(), issuer.validOn(asOf), true,
                LEGAL_BASIS, asOf, now);
    }
}
