package vn.motcua.wallet.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.platform.api.ApiException;
import vn.motcua.wallet.internal.WalletDocument;
import vn.motcua.wallet.internal.WalletService;

/** {@code /my/data}: the citizen's documents, one document's file, an upload; {@code /verify}: the public check. */
@Controller
class WalletPages {

    private final WalletService wallet;
    private final DocumentViews views;
    private final MessageSource messages;

    WalletPages(WalletService wallet, DocumentViews views, MessageSource messages) {
        this.wallet = wallet;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/my/data")
    String documents(Principal principal, Model model) {
        model.addAttribute("documents", views.views(wallet.documents(principal.getName())));
        return "wallet/my-data";
    }

    @GetMapping("/my/data/documents/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download,
                                Principal principal) {
        return WalletApi.file(wallet.document(principal.getName(), id), wallet.content(principal.getName(), id), download);
    }

    @PostMapping("/my/data/documents")
    String upload(@RequestParam(required = false) String type, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String issuer,
                  @RequestParam(required = false) LocalDate issuedOn, @RequestParam(required = false) LocalDate validUntil,
                  @RequestParam(name = "file", required = false) MultipartFile file, Principal principal,
                  RedirectAttributes flash, Locale locale) {
        try {
            WalletDocument d = wallet.upload(principal.getName(), new WalletService.Upload(type, name, issuer, null,
                    issuedOn, validUntil, file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : WalletApi.bytes(file)));
            flash.addFlashAttribute("notice", messages.getMessage("wallet.upload.done", new Object[]{d.name()}, locale));
        } catch (ApiException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/my/data";
    }

    @GetMapping("/verify")
    String verify(@RequestParam(required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            model.addAttribute("code", code);
            model.addAttribute("result", wallet.verify(code));
        }
        return "wallet/verify";
    }
}
