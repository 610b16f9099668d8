package vn.motcua.dossier.web;

import vn.motcua.platform.time.VietnamTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.internal.DossierStore;

/** JSON shapes of the dossier API, and the plain-language wording of states and events. */
@Component
class DossierViews {

    static final ZoneId VN = VietnamTime.ZONE;
    private final MessageSource messages;
    private final DossierStore store;
    private final DossierReading reading;

    DossierViews(MessageSource messages, DossierStore store, DossierReading reading) {
        this.messages = messages;
        this.store = store;
        this.reading = reading;
    }

    record AgencyRef(String code, String name) {
    }

    record Created(UUID id, String receiptNumber, String code, DossierState state, OffsetDateTime receivedAt, AgencyRef agency,
                   OffsetDateTime receptionDueAt, String triageReason) {
    }

    record Full(UUID id, String receiptNumber, String code, String procedureCode, String procedureName, Dossier.Channel channel,
                DossierState state, String stateText, Dossier.Applicant applicant, String addressUnitCode,
                String addressLine, Map<String, Object> form, String receptionPoint, AgencyRef agency,
                String triageReason, OffsetDateTime receivedAt, OffsetDateTime receptionDueAt,
                OffsetDateTime acceptedAt, OffsetDateTime dueAt, OffsetDateTime closedAt, int version,
                List<EventView> events, List<FileView> attachments, List<DocumentView> documents,
                List<FileRef> otherFiles) {
    }

    /** A file of the dossier; {@code document}: the required document the submission said it is (or null). */
    record FileView(UUID id, String fileName, String contentType, int size, String sha256, String document,
                    boolean reused) {
    }

    record FileRef(UUID id, String fileName) {
    }

    /**
     * A required document of the procedure version (documents only, legal notes apart) and the files given for it.
     *
     * @param status FILE, FORM (the e-form itself), PRESENT (shown at the desk), MISSING, IF_APPLICABLE
     */
    record DocumentView(String name, String detail, String status, String statusText, boolean missing,
                        List<FileRef> files) {
    }

    record EventView(int seq, OffsetDateTime at, String type, String text, DossierState state, String actor,
                     String agency, String reason) {
    }

    /** What anyone with the code and the check digits may see: no personal data. */
    record Tracking(String code, String receiptNumber, String procedure, DossierState state, String stateText, AgencyRef agency,
                    OffsetDateTime receivedAt, OffsetDateTime dueAt, List<TrackingEvent> events) {
    }

    /** {@code type}: the event's stable type (e.g. SUBMITTED, ACCEPTED, TRANSFERRED) beside its text. */
    record TrackingEvent(OffsetDateTime at, String type, String text, String agency) {
    }

    Created created(Dossier d) {
        return new Created(d.id(), d.receiptNumber(), d.code(), d.state(), odt(d.receivedAt()), agency(d), odt(d.receptionDueAt()),
                d.triageReason() == null ? null : text(d.triageReason()));
    }

    Full full(Dossier d, List<DossierEvent> events) {
        return withFiles(new Full(d.id(), d.receiptNumber(), d.code(), d.procedureCode(), d.procedureName(), d.channel(), d.state(),
                stateText(d.state()), d.applicant(), d.addressUnitCode(), d.addressLine(), d.form(), d.receptionPoint(),
                agency(d), d.triageReason() == null ? null : text(d.triageReason()), odt(d.receivedAt()),
                odt(d.receptionDueAt()), odt(d.acceptedAt()), odt(d.dueAt()), odt(d.closedAt()), d.version(),
                events.stream().map(e -> new EventView(e.seq(), odt(e.at()), e.type(), eventText(e.type()), e.to(),
                        e.actorName(), e.actorAgency(), e.reason())).toList(),
                null, null, null), d);
    }

    private Full withFiles(Full f, Dossier d) {
        List<DossierStore.AttachmentInfo> files = store.attachments(d.id());
        DossierReading.Reading r = reading.read(d, files);
        return new Full(f.id(), f.receiptNumber(), f.code(), f.procedureCode(), f.procedureName(), f.channel(), f.state(),
                f.stateText(), f.applicant(), f.addressUnitCode(), f.addressLine(), f.form(), f.receptionPoint(),
                f.agency(), f.triageReason(), f.receivedAt(), f.receptionDueAt(), f.acceptedAt(), f.dueAt(),
                f.closedAt(), f.version(), f.events(),
                files.stream().map(a -> new FileView(a.id(), a.fileName(), a.contentType(), a.size(), a.sha256(),
                        a.document(), a.reused())).toList(),
                r.documents().stream().map(c -> new DocumentView(c.name(), c.detail(), c.status().name(),
                        text("dossier.reading.status." + c.status().name()), c.status() == DossierReading.Status.MISSING,
                        c.files().stream().map(DossierViews::ref).toList())).toList(),
                r.others().stream().map(DossierViews::ref).toList());
    }

    private static FileRef ref(DossierStore.AttachmentInfo a) {
        return new FileRef(a.id(), a.fileName());
    }

    Tracking tracking(Dossier d, List<DossierEvent> events) {
        return new Tracking(d.code() == null ? d.receiptNumber() : d.code(), d.receiptNumber(), d.procedureName(), d.state(),
                stateText(d.state()), agency(d), odt(d.receivedAt()), odt(d.dueAt()),
                events.stream().map(e -> new TrackingEvent(odt(e.at()), e.type(), eventText(e.type()), e.actorAgency())).toList());
    }

    String stateText(DossierState s) {
        return text("dossier.state." + s.name());
    }

    String eventText(String type) {
        return messages.getMessage("dossier.event." + type, null, type, locale());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    private static Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }

    private static AgencyRef agency(Dossier d) {
        return d.agencyCode() == null ? null : new AgencyRef(d.agencyCode(), d.agencyName());
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(VN).toOffsetDateTime();
    }
}
