package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.internal.Slips;
import vn.motcua.platform.api.ApiException;

/** Serves Forms 01–03 as inline PDFs, for the API, the citizen's pages and the workbench alike. */
@Component
class SlipResponses {

    private final Slips slips;

    SlipResponses(Slips slips) {
        this.slips = slips;
    }

    static Slips.Form form(String formNumber) {
        return switch (formNumber) {
            case "01" -> Slips.Form.RECEIPT;
            case "02" -> Slips.Form.SUPPLEMENT;
            case "03" -> Slips.Form.REFUSAL;
            default -> throw ApiException.notFound("dossier.slip.unknown", formNumber);
        };
    }

    /** The same slip as an HTML page (printable, readable on a phone). */
    String html(Dossier d, String formNumber, HttpServletRequest request, org.springframework.ui.Model model) {
        model.addAttribute("slip", slips.slip(d, form(formNumber), TrackingLinks.of(request, d)));
        model.addAttribute("pdfUrl", request.getRequestURI() + ".pdf");
        return "dossier/slip";
    }

    ResponseEntity<byte[]> pdf(Dossier d, String formNumber, HttpServletRequest request) {
        Slips.Form form = form(formNumber);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"mau-" + formNumber + "-"
                        + (d.code() == null ? d.id() : d.code()) + ".pdf\"")
                .body(slips.pdf(d, form, TrackingLinks.of(request, d)));
    }
}
