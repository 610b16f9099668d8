package vn.motcua.wallet.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.wallet.internal.DigitisationWorker;
import vn.motcua.wallet.internal.Digitisations;

/**
 * Digitisation at the counter (reception officers): upload a scan (202: read in the background), read what OCR found,
 * confirm the type and key fields with the citizen's consent (201: the copy is in the citizen's store and attached to
 * the dossier).
 */
@RestController
@RequestMapping("/api/v1/digitisations")
@PreAuthorize("hasRole('RECEPTION_OFFICER')")
@Tag(name = "Data store")
class DigitisationApi {

    private final Digitisations digitisations;
    private final DigitisationWorker worker;
    private final DocumentViews views;

    DigitisationApi(Digitisations digitisations, DigitisationWorker worker, DocumentViews views) {
        this.digitisations = digitisations;
        this.worker = worker;
        this.views = views;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the scan of a citizen's paper document (PDF, JPEG, PNG); OCR runs in the background",
            description = "citizen: the account or the personal ID of its profile; dossierId: the dossier to attach the "
                    + "confirmed copy to. 202 with status PENDING; poll GET /api/v1/digitisations/{id}.")
    ResponseEntity<Digitisations.Digitisation> upload(@RequestPart("file") MultipartFile file, @RequestParam String citizen,
                                                      @RequestParam(required = false) UUID dossierId, Authentication auth) {
        var d = digitisations.upload(auth.getName(), citizen, dossierId, file.getOriginalFilename(), WalletApi.bytes(file));
        wakeAfterCommit(worker);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(d);
    }

    /** The worker reads once the scan is committed (it runs on another thread, in its own transaction). */
    static void wakeAfterCommit(DigitisationWorker worker) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        } else {
            worker.wake();
        }
    }

    @GetMapping
    @Operation(summary = "My last 20 scans")
    List<Digitisations.Digitisation> recent(Authentication auth) {
        return digitisations.recent(auth.getName());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of my scans: status, the text read, the key fields recognised")
    Digitisations.Digitisation one(@PathVariable UUID id, Authentication auth) {
        return digitisations.find(auth.getName(), id);
    }

    record ConfirmBody(String type, String name, String issuer, LocalDate issuedOn, LocalDate validUntil,
                       Map<String, String> fields, Boolean consent) {
    }

    @PostMapping(path = "/{id}/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm the type and key fields, with the citizen's consent: the copy enters their store",
            description = "422 without consent (true, given by the citizen at the counter) or without a type; 409 while "
                    + "OCR is still running or when already confirmed.")
    ResponseEntity<DocumentViews.DocumentView> confirm(@PathVariable UUID id, @RequestBody ConfirmBody body,
                                                       Authentication auth) {
        var doc = digitisations.confirm(auth, id, new Digitisations.Confirmation(body.type(), body.name(), body.issuer(),
                body.issuedOn(), body.validUntil(), body.fields(), body.consent()));
        return ResponseEntity.status(HttpStatus.CREATED).body(views.view(doc));
    }
}
