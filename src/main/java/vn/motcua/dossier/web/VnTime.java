package vn.motcua.dossier.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formats instants in Vietnam's time for templates: {@code ${@vnTime.fmt(d.dueAt)}}. */
@Component("vnTime")
class VnTime {

    private static final DateTimeFormatter F = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(DossierViews.VN);

    public String fmt(Instant i) {
        return i == null ? "—" : F.format(i);
    }
}
