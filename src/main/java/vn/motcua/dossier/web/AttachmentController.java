package vn.motcua.dossier.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.platform.api.ApiException;

/**
 * A dossier's files, to open in the browser (PDF and images inline) or download: for whoever may see the dossier
 * ({@link DossierAccess}: its applicant, officers of its agency, its triage owner or its reception point,
 * administrators and auditors); another citizen gets 404, an officer of another agency 403.
 */
@RestController
@Tag(name = "Dossiers")
class AttachmentController {

    /** Only the file, nothing it could load or run; PDF viewers and images still display. */
    static final String CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; "
            + "frame-ancestors 'self'";
    private final DossierAccess access;
    private final DossierStore store;

    AttachmentController(DossierAccess access, DossierStore store) {
        this.access = access;
        this.store = store;
    }

    @GetMapping({"/api/v1/dossiers/{id}/attachments/{attachmentId}", "/my/dossiers/{id}/attachments/{attachmentId}",
            "/workbench/dossiers/{id}/attachments/{attachmentId}"})
    @Operation(summary = "One file of a dossier (inline; ?download=true to save it)",
            description = "The stored Content-Type (application/pdf, image/jpeg or image/png, checked by content at upload).")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID attachmentId,
                                @RequestParam(defaultValue = "false") boolean download, Authentication auth) {
        Dossier d = access.visible(id, auth);
        DossierStore.AttachmentInfo info = store.attachments(d.id()).stream()
                .filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("dossier.attachment.notFound"));
        byte[] content = store.attachmentContent(d.id(), attachmentId)
                .orElseThrow(() -> ApiException.notFound("dossier.attachment.notFound"));
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(info.fileName(), java.nio.charset.StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }
}
