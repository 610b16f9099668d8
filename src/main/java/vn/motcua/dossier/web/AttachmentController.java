package vn.motcua.dossier.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
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
import vn.motcua.platform.text.VietnameseText;

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
    private final AttachmentPreviews previews;

    AttachmentController(DossierAccess access, DossierStore store, AttachmentPreviews previews) {
        this.access = access;
        this.store = store;
        this.previews = previews;
    }

    @GetMapping({"/api/v1/dossiers/{id}/attachments/{attachmentId}", "/my/dossiers/{id}/attachments/{attachmentId}",
            "/workbench/dossiers/{id}/attachments/{attachmentId}"})
    @Operation(summary = "One file of a dossier (inline; ?download=true to save it)",
            description = "The stored Content-Type (application/pdf, image/jpeg or image/png, checked by content at upload).")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID attachmentId,
                                @RequestParam(defaultValue = "false") boolean download, Authentication auth) {
        Dossier d = access.visible(id, auth);
        DossierStore.AttachmentInfo info = attachment(d, attachmentId);
        byte[] content = store.attachmentContent(d.id(), attachmentId)
                .orElseThrow(() -> ApiException.notFound("dossier.attachment.notFound"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(download, info.fileName()))
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }

    @GetMapping({"/api/v1/dossiers/{id}/attachments/{attachmentId}/pages/{page}",
            "/my/dossiers/{id}/attachments/{attachmentId}/pages/{page}",
            "/workbench/dossiers/{id}/attachments/{attachmentId}/pages/{page}"})
    @Operation(summary = "One page of a PDF file of a dossier, as a PNG image (1-based; the first "
            + AttachmentPreviews.MAX_PAGES + " pages)",
            description = "Rendered on the server and cached by the file's SHA-256. Same access as the file itself; "
                    + "404 for a page past the last or a file that is no PDF.")
    ResponseEntity<byte[]> page(@PathVariable UUID id, @PathVariable UUID attachmentId, @PathVariable int page,
                                Authentication auth) {
        Dossier d = access.visible(id, auth);
        DossierStore.AttachmentInfo info = attachment(d, attachmentId);
        byte[] png = previews.page(d.id(), info, page)
                .orElseThrow(() -> ApiException.notFound("dossier.attachment.page.notFound"));
        String base = info.fileName().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .contentLength(png.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(false, base + "-trang-" + page + ".png"))
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(png);
    }

    private DossierStore.AttachmentInfo attachment(Dossier d, UUID attachmentId) {
        return store.attachments(d.id()).stream()
                .filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("dossier.attachment.notFound"));
    }

    /**
     * {@code inline; filename="giay-chung-sinh.pdf"; filename*=UTF-8''Gi%E1%BA%A5y…} (RFC 6266 with the RFC 5987
     * encoding): the plain name, folded to ASCII, for old clients, the Vietnamese name for the others.
     */
    static String disposition(boolean download, String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot + 1).replaceAll("[^A-Za-z0-9]", "") : "";
        String ascii = VietnameseText.fold(stem).replace(' ', '-');
        if (ascii.isEmpty()) {
            ascii = "tep";
        }
        if (!ext.isEmpty()) {
            ascii += "." + ext.toLowerCase(java.util.Locale.ROOT);
        }
        return (download ? "attachment" : "inline") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + rfc5987(fileName);
    }

    private static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
