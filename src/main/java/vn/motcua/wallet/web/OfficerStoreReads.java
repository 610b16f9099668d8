package vn.motcua.wallet.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.DossierStoreDocuments;
import vn.motcua.platform.api.ApiException;
import vn.motcua.wallet.internal.WalletDocument;
import vn.motcua.wallet.internal.WalletService;

/**
 * Officers read a citizen's store document only through a dossier where it was submitted or reused: the dossier's
 * access rules decide and the read is written to the access log (privacy) by the dossier module.
 */
@RestController
@PreAuthorize("hasAnyRole('RECEPTION_OFFICER', 'HANDLING_OFFICER', 'UNIT_LEADER', 'ADMIN', 'AUDITOR')")
@Tag(name = "Data store")
class OfficerStoreReads {

    private final DossierStoreDocuments dossiers;
    private final WalletService wallet;

    OfficerStoreReads(DossierStoreDocuments dossiers, WalletService wallet) {
        this.dossiers = dossiers;
        this.wallet = wallet;
    }

    @GetMapping({"/api/v1/dossiers/{id}/attachments/store/{documentId}",
            "/workbench/dossiers/{id}/attachments/store/{documentId}"})
    @Operation(summary = "A document of the applicant's data store, through a dossier where it was submitted or reused",
            description = "404 when the document is not attached to this dossier; 403 for an officer of another agency. "
                    + "Every read is in the access log.")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID documentId,
                                @RequestParam(defaultValue = "false") boolean download, Authentication auth) {
        if (!dossiers.storeDocumentsOf(id, auth).contains(documentId)) {
            throw ApiException.notFound("wallet.document.notFound");
        }
        WalletDocument d = wallet.documentForDossier(documentId);
        return WalletApi.file(d, wallet.contentForDossier(documentId), download);
    }
}
