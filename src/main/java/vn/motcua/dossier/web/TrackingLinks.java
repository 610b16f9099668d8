package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.dossier.Dossier;

/** The public tracking link printed on slips (as a QR code) and in emails. */
final class TrackingLinks {

    private TrackingLinks() {
    }

    static String of(HttpServletRequest request, Dossier d) {
        String base = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort())
                + request.getContextPath();
        return UriComponentsBuilder.fromUriString(base + "/track")
                .queryParam("code", d.code() == null ? d.id().toString() : d.code()).build().toUriString();
    }
}
