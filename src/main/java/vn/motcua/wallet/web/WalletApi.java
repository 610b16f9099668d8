package vn.motcua.wallet.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.platform.api.ApiException;
import vn.motcua.wallet.internal.WalletDocument;
import vn.motcua.wallet.internal.WalletService;

/** The signed-in citizen's data store. Another person's document is a 404, like an unknown one. */
@RestController
@RequestMapping("/api/v1/me/data")
@PreAuthorize("hasRole('CITIZEN')")
@Tag(name = "Data store", description = "The citizen's documents (kho dữ liệu cá nhân), reused in new dossiers")
class WalletApi {

    static final String CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

    private final WalletService wallet;
    private final DocumentViews views;

    WalletApi(WalletService wallet, DocumentViews views) {
        this.wallet = wallet;
        this.views = views;
    }

    @GetMapping("/documents")
    @Operation(summary = "My documents: uploaded, digitised at a counter, or results issued by Motcua")
    List<DocumentViews.DocumentView> documents(Authentication auth) {
        return views.views(wallet.documents(auth.getName()));
    }

    /** An upload as JSON, the file base64-encoded like a dossier attachment. */
    record UploadBody(@NotBlank @Size(max = 200) String type, @Size(max = 200) String name,
                      @Size(max = 300) String issuer, String issuerUnitCode, LocalDate issuedOn, LocalDate validUntil,
                      @NotBlank @Size(max = 200) String fileName, @NotBlank String contentBase64) {
    }

    @PostMapping(path = "/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a document (JSON, file in base64); the file is judged by the dossiers' attachment policy")
    ResponseEntity<DocumentViews.DocumentView> upload(@Valid @RequestBody UploadBody body, Authentication auth) {
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(body.contentBase64());
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("dossier.attachment.base64", body.fileName());
        }
        WalletDocument d = wallet.upload(auth.getName(), new WalletService.Upload(body.type(), body.name(), body.issuer(),
                body.issuerUnitCode(), body.issuedOn(), body.validUntil(), body.fileName(), content));
        return ResponseEntity.status(HttpStatus.CREATED).body(views.view(d));
    }

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a document (multipart: file and the same fields as form parts)")
    ResponseEntity<DocumentViews.DocumentView> uploadMultipart(@RequestPart("file") MultipartFile file,
                                                               @RequestParam String type,
                                                               @RequestParam(required = false) String name,
                                                               @RequestParam(required = false) String issuer,
                                                               @RequestParam(required = false) String issuerUnitCode,
                                                               @RequestParam(required = false) LocalDate issuedOn,
                                                               @RequestParam(required = false) LocalDate validUntil,
                                                               Authentication auth) {
        WalletDocument d = wallet.upload(auth.getName(), new WalletService.Upload(type, name, issuer, issuerUnitCode,
                issuedOn, validUntil, file.getOriginalFilename(), bytes(file)));
        return ResponseEntity.status(HttpStatus.CREATED).body(views.view(d));
    }

    @GetMapping("/documents/{id}")
    @Operation(summary = "One of my documents")
    DocumentViews.DocumentView document(@PathVariable UUID id, Authentication auth) {
        return views.view(wallet.document(auth.getName(), id));
    }

    @GetMapping("/documents/{id}/file")
    @Operation(summary = "The file of one of my documents (inline; ?download=true to save it)")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download,
                                Authentication auth) {
        return file(wallet.document(auth.getName(), id), wallet.content(auth.getName(), id), download);
    }

    static ResponseEntity<byte[]> file(WalletDocument d, byte[] content, boolean download) {
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.unprocessable("wallet.upload.file");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
