package vn.motcua.dossier.internal;

import vn.motcua.platform.time.VietnamTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingTimeUnit;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.EForms;
import vn.motcua.catalogue.FieldError;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierStateChanged;
import vn.motcua.dossier.spi.ReusableDocuments;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryHistory;

/**
 * Intake: submission (online or at a counter), boundary-free routing to the competent agency, and the
 * reception decision — accept, ask once for a supplement, or refuse. Every change is one transaction
 * that updates the dossier row, appends its event and publishes {@link DossierStateChanged}.
 */
@Service
@Transactional
public class IntakeService {

    static final ZoneId VN = VietnamTime.ZONE;
    /** Decree 45/2020: accept or ask for a supplement within 8 working hours of an online submission. */
    static final ProcessingTime RECEPTION_LIMIT = ProcessingTime.workingHours(8);
    /** Triage must route a dossier within one working day. */
    static final ProcessingTime TRIAGE_LIMIT = ProcessingTime.workingDays(1);

    private final DossierStore store;
    private final DossierCodes codes;
    private final Catalogue catalogue;
    private final EForms eforms;
    private final Territory territory;
    private final WorkingCalendar calendar;
    private final Officers officers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String defaultProvince;
    private final IntakeRouting routing;
    private final org.springframework.beans.factory.ObjectProvider<ReusableDocuments> reusable;
    private final ProcessStart processStart;

    IntakeService(DossierStore store, DossierCodes codes, Catalogue catalogue, EForms eforms, Territory territory,
                  TerritoryHistory history, WorkingCalendar calendar, Officers officers, ApplicationEventPublisher events, Clock clock,
                  org.springframework.core.env.Environment env,
                  org.springframework.beans.factory.ObjectProvider<ReusableDocuments> reusable, ProcessStart processStart) {
        this.reusable = reusable;
        this.processStart = processStart;
        this.store = store;
        this.codes = codes;
        this.catalogue = catalogue;
        this.eforms = eforms;
        this.territory = territory;
        this.calendar = calendar;
        this.officers = officers;
        this.events = events;
        this.clock = clock;
        this.defaultProvince = env.getProperty("motcua.province-code", "79");
        this.routing = new IntakeRouting(territory, history, catalogue, defaultProvince);
    }

    /**
     * A repeat with the same Idempotency-Key returns the dossier the first call created. The key is not looked up
     * first: a repeat is rare, so the insert finds it (its unique index) and only then is the earlier dossier read; a
     * repeat that would be refused now (a procedure withdrawn since, a file rule tightened) returns it too.
     */
    public Dossier submit(SubmitDossier cmd, Actor actor, Dossier.Channel channel, String idempotencyKey) {
        checkKey(idempotencyKey);
        try {
            return submitNew(cmd, actor, channel, idempotencyKey);
        } catch (ApiException refused) {
            return earlier(actor, idempotencyKey).orElseThrow(() -> refused);
        }
    }

    static void checkKey(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw ApiException.badRequest("dossier.idempotency.invalid");
        }
    }

    /** The dossier an earlier call with this key created, if any. */
    Optional<Dossier> earlier(Actor actor, String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty() : store.findByIdempotencyKey(actor.username(), idempotencyKey);
    }

    /**
     * A validated submission, ready to be written: its row (with attachments and first events) and the event its
     * commit publishes.
     */
    record Prepared(SubmissionGroupStore.Row row) {

        Dossier dossier() {
            return row.dossier();
        }

        Prepared withReceiptNumber(String number) {
            return new Prepared(row.withDossier(IntakeService.withReceiptNumber(row.dossier(), number)));
        }

        DossierStateChanged event() {
            Dossier d = row.dossier();
            return new DossierStateChanged(d.id(), d.code(), null, d.state(), d.receivedAt(), d.procedureName(),
                    d.agencyName(), d.applicant().name(), d.applicant().email(), d.dueAt(), null, d.receiptNumber());
        }
    }

    private Dossier submitNew(SubmitDossier cmd, Actor actor, Dossier.Channel channel, String idempotencyKey) {
        Prepared p = prepare(cmd, actor, channel, idempotencyKey);
        for (int attempt = 1; ; attempt++) {
            if (store.insertSubmission(p.row())) {
                break;
            }
            // A concurrent retry with the same key won the race: return its dossier.
            Optional<Dossier> earlier = earlier(actor, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (attempt == 3) {
                throw new IllegalStateException("No free receipt number after three tries");
            }
            // Otherwise the receipt number was taken: another one.
            p = p.withReceiptNumber(ReceiptNumbers.next());
        }
        events.publishEvent(p.event());
        return p.dossier(); // as inserted: reading it back would only cost a round trip
    }

    /**
     * Everything a submission does before its write: the procedure in force, the e-form, the files, routing and
     * deadlines. Joins the caller's transaction if there is one, else opens none ({@link SubmissionWriter} writes).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Prepared prepare(SubmitDossier cmd, Actor actor, Dossier.Channel channel, String idempotencyKey) {
        // PostgreSQL keeps microseconds: the dossier returned now must equal the one read back later.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, VN);
        ProcedureVersion version = catalogue.versionInForce(cmd.procedureCode(), today)
                .orElseThrow(() -> ApiException.unprocessable("dossier.procedure.unknown", cmd.procedureCode()));
        Map<String, Object> form = cmd.form() == null ? Map.of() : cmd.form();
        List<FieldError> errors = eforms.validate(cmd.procedureCode(), today, form);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("dossier.form.invalid").with("errors", errors);
        }
        List<Decoded> files = decode(cmd.attachments(), actor.username(), today, version);

        IntakeRouting.Route route = routing.route(cmd.procedureCode(), cmd.address() == null ? null : cmd.address().unitCode(), today);
        DossierState state = route.agency() == null ? DossierState.TRIAGE : DossierState.SUBMITTED;
        String agencyCode = route.agency() == null ? null : route.agency().code();
        Instant countFrom = calendar.countFrom(now, agencyCode).toInstant();
        Instant receptionDue = calendar.dueAt(now, RECEPTION_LIMIT, agencyCode).toInstant();
        ProcessingTime time = version.processingTime();

        var a = cmd.applicant();
        Dossier dossier = new Dossier(UUID.randomUUID(), null, ReceiptNumbers.next(), version.code(), version.name(), version.versionId(), channel,
                state, new Dossier.Applicant(a.kind() == null ? Dossier.Applicant.Kind.PERSON : a.kind(), a.name().strip(),
                a.personalId(), a.phone(), a.email()),
                cmd.address() == null ? null : cmd.address().unitCode(),
                cmd.address() == null ? null : cmd.address().line(), form, actor.agencyCode(), agencyCode,
                route.agency() == null ? null : route.agency().name(), route.triageReason(), actor.username(), now,
                countFrom, receptionDue, null, null, null, 0);
        // The attachments and the first events go in with the dossier, in its statement (one round trip).
        List<DossierStore.NewAttachment> rows = new ArrayList<>(files.size());
        for (Decoded f : files) {
            rows.add(new DossierStore.NewAttachment(f.name(), f.contentType(), f.content(), actor.username(), now,
                    f.reusedFrom(), f.document()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel", channel.name());
        data.put("attachments", files.size());
        long reused = files.stream().filter(f -> f.reusedFrom() != null).count();
        if (reused > 0) {
            data.put("reused", reused); // the reuse indicator counts these (and dossier_attachment.reused_document_id)
        }
        if (agencyCode != null) {
            data.put("agency", agencyCode);
        }
        List<DossierStore.NewEvent> history = new ArrayList<>(2);
        history.add(new DossierStore.NewEvent(now, DossierEventType.SUBMITTED, null, DossierState.SUBMITTED, actor, null, data));
        if (state == DossierState.TRIAGE) {
            history.add(new DossierStore.NewEvent(now, DossierEventType.TRIAGED, DossierState.SUBMITTED, DossierState.TRIAGE,
                    Actor.system(), route.triageReason(), Map.of("owner", String.valueOf(route.triageOwner()))));
        }
        return new Prepared(new SubmissionGroupStore.Row(dossier, idempotencyKey,
                time == null ? null : time.unit().name(), time == null ? null : time.amount(),
                version.pausePolicy() == null ? "PAUSE" : version.pausePolicy().name(), route.triageOwner(),
                route.agency() == null ? calendar.dueAt(now, TRIAGE_LIMIT, null).toInstant() : null, rows, history));
    }

    private static Dossier withReceiptNumber(Dossier d, String number) {
        return new Dossier(d.id(), d.code(), number, d.procedureCode(), d.procedureName(), d.procedureVersionId(),
                d.channel(), d.state(), d.applicant(), d.addressUnitCode(), d.addressLine(), d.form(), d.receptionPoint(),
                d.agencyCode(), d.agencyName(), d.triageReason(), d.submittedBy(), d.receivedAt(), d.countFrom(),
                d.receptionDueAt(), d.acceptedAt(), d.dueAt(), d.closedAt(), d.version());
    }

    /** Reception accepts: a dossier code, the appointment from the calendar, Form 01. */
    public Dossier accept(UUID id, Integer expectedVersion, Actor actor) {
        // The lock brings the processing time along (one statement).
        DossierStore.Locked row = store.lockForAction(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        Dossier d = row.dossier();
        officers.requireReception(actor, d.agencyCode());
        requireState(d, DossierState.SUBMITTED);
        return doAccept(d, row.processing(), version(d, expectedVersion), actor);
    }

    private Dossier doAccept(Dossier d, DossierStore.Processing processing, int version, Actor actor) {
        UUID id = d.id();
        Instant now = clock.instant();
        Instant due = processing.unit() == null ? null
                : calendar.dueAt(d.countFrom(), processing.time(), d.agencyCode()).toInstant();
        // Processing starts first (the dossier row is locked since decidable()); the daily number is taken as late
        // as possible, because its row stays locked until commit and every acceptance of the agency that day waits.
        // Processing adds its process snapshot to this acceptance's update of the row (one statement).
        DossierChange set = DossierChange.change();
        processStart.onAcceptance(d, processing, now, actor.username(), actor.displayName(), set);
        String code = codes.next(d.agencyCode(), LocalDate.ofInstant(now, VN));
        set.code(code).acceptedAt(now).dueAt(due);
        Dossier accepted = store.transition(d, version, DossierState.ACCEPTED, set);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        if (due != null) {
            data.put("dueAt", due.toString());
        }
        store.appendEvent(id, now, DossierEventType.ACCEPTED, d.state(), DossierState.ACCEPTED, actor, null, data);
        publish(d, d.state(), DossierState.ACCEPTED, now, null, code, due);
        return accepted;
    }

    /** One request listing everything missing or wrong (Form 02); the clock has not started. */
    public Dossier requestSupplement(UUID id, Integer expectedVersion, List<RequestItem> items, String note, Actor actor) {
        requireItems(items);
        Dossier d = decidable(id, actor, DossierState.SUBMITTED);
        return doRequestSupplement(d, version(d, expectedVersion), items, note, actor);
    }

    private Dossier doRequestSupplement(Dossier d, int version, List<RequestItem> items, String note, Actor actor) {
        UUID id = d.id();
        Instant now = clock.instant();
        Dossier out = store.transition(d, version, DossierState.SUPPLEMENT_REQUESTED, DossierChange.none());
        store.addRequest(id, "SUPPLEMENT", items, note, actor.username(), now);
        store.appendEvent(id, now, DossierEventType.SUPPLEMENT_REQUESTED, d.state(), DossierState.SUPPLEMENT_REQUESTED, actor, note,
                Map.of("items", items.stream().map(RequestItem::asMap).toList()));
        publish(d, d.state(), DossierState.SUPPLEMENT_REQUESTED, now, note);
        return out;
    }

    /** Refusal with reasons (Form 03). */
    public Dossier refuse(UUID id, Integer expectedVersion, List<RequestItem> reasons, String note, Actor actor) {
        requireItems(reasons);
        Dossier d = decidable(id, actor, DossierState.SUBMITTED, DossierState.SUPPLEMENT_REQUESTED);
        return doRefuse(d, version(d, expectedVersion), reasons, note, actor);
    }

    private Dossier doRefuse(Dossier d, int version, List<RequestItem> reasons, String note, Actor actor) {
        UUID id = d.id();
        Instant now = clock.instant();
        Dossier out = store.transition(d, version, DossierState.REFUSED, DossierChange.change().closedAt(now));
        store.addRequest(id, "REFUSAL", reasons, note, actor.username(), now);
        store.appendEvent(id, now, DossierEventType.REFUSED, d.state(), DossierState.REFUSED, actor, note,
                Map.of("items", reasons.stream().map(RequestItem::asMap).toList()));
        publish(d, d.state(), DossierState.REFUSED, now, note);
        return out;
    }

    /** The applicant completes the dossier (online or at the counter); reception decides again. */
    public Dossier supply(UUID id, Integer expectedVersion, Map<String, Object> formChanges,
                          List<SubmitDossier.AttachmentData> attachments, Actor actor, boolean actorIsApplicant) {
        Dossier d = store.lock(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        if (actorIsApplicant && !d.submittedBy().equals(actor.username())) {
            throw ApiException.notFound("dossier.notFound");
        }
        if (!actorIsApplicant) {
            officers.requireReception(actor, d.agencyCode());
        }
        requireState(d, DossierState.SUPPLEMENT_REQUESTED);
        List<Decoded> files = decode(attachments, actor.username(), LocalDate.ofInstant(clock.instant(), VN),
                catalogue.versionInForce(d.procedureCode(), LocalDate.ofInstant(d.receivedAt(), VN)).orElse(null));
        if (files.isEmpty() && (formChanges == null || formChanges.isEmpty())) {
            throw ApiException.unprocessable("dossier.supplement.empty");
        }
        Instant now = clock.instant();
        DossierChange set = DossierChange.change();
        if (formChanges != null && !formChanges.isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>(d.form());
            merged.putAll(formChanges);
            List<FieldError> errors = eforms.validate(d.procedureCode(), LocalDate.ofInstant(now, VN), merged);
            if (!errors.isEmpty()) {
                throw ApiException.unprocessable("dossier.form.invalid").with("errors", errors);
            }
            set.form(merged);
        }
        set.countFrom(calendar.countFrom(now, d.agencyCode()).toInstant())
                .receptionDueAt(calendar.dueAt(now, RECEPTION_LIMIT, d.agencyCode()).toInstant());
        Dossier out = store.transition(d, version(d, expectedVersion), DossierState.SUBMITTED, set);
        for (Decoded f : files) {
            store.addAttachment(id, f.name(), f.contentType(), f.content(), actor.username(), now, f.reusedFrom(),
                    f.document());
        }
        store.answerRequests(id, now);
        store.appendEvent(id, now, DossierEventType.SUPPLEMENTED, d.state(), DossierState.SUBMITTED, actor, null,
                Map.of("attachments", files.size()));
        publish(d, d.state(), DossierState.SUBMITTED, now, null);
        return out;
    }

    /** Triage: the province service centre (or an administrator) sends the dossier to an agency. */
    public Dossier route(UUID id, Integer expectedVersion, String agencyCode, String reason, Actor actor, boolean admin) {
        Dossier d = store.lock(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        requireState(d, DossierState.TRIAGE);
        if (!admin) {
            officers.requireReception(actor, store.triageOwner(id));
        }
        Instant now = clock.instant();
        Agency agency = territory.agency(agencyCode, LocalDate.ofInstant(now, VN))
                .orElseThrow(() -> ApiException.unprocessable("dossier.route.unknownAgency", agencyCode));
        DossierChange set = DossierChange.change().agency(agency.code(), agency.name())
                .receptionDueAt(calendar.dueAt(now, RECEPTION_LIMIT, agency.code()).toInstant());
        Dossier out = store.transition(d, version(d, expectedVersion), DossierState.SUBMITTED, set);
        store.appendEvent(id, now, DossierEventType.ROUTED, d.state(), DossierState.SUBMITTED, actor, reason,
                Map.of("agency", agency.code()));
        publish(d, d.state(), DossierState.SUBMITTED, now, reason);
        return out;
    }

    /** Demo data only: a decision by a demo officer (who may have no login account), same effects. */
    Dossier decideAsDemo(UUID id, Actor officer, DossierDemoData.Decision decision, List<RequestItem> items) {
        Dossier d = store.lock(id).orElseThrow();
        requireState(d, DossierState.SUBMITTED);
        return switch (decision) {
            case ACCEPT -> doAccept(d, store.processing(id), d.version(), officer);
            case SUPPLEMENT -> doRequestSupplement(d, d.version(), items, null, officer);
            case REFUSE -> doRefuse(d, d.version(), items, null, officer);
        };
    }

    private Dossier decidable(UUID id, Actor actor, DossierState... allowed) {
        Dossier d = store.lock(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        officers.requireReception(actor, d.agencyCode());
        requireState(d, allowed);
        return d;
    }

    static void requireState(Dossier d, DossierState... allowed) {
        for (DossierState s : allowed) {
            if (d.state() == s) {
                return;
            }
        }
        throw ApiException.conflict("dossier.state.notAllowed", d.state().name());
    }

    /** The version the actor saw; a different one means someone else acted first. */
    private static int version(Dossier d, Integer expected) {
        if (expected != null && expected != d.version()) {
            throw new ApiException(HttpStatus.CONFLICT, "error.concurrent-change");
        }
        return d.version();
    }

    private static void requireItems(List<RequestItem> items) {
        if (items == null || items.isEmpty() || items.stream().anyMatch(i -> i.document() == null || i.document().isBlank()
                || i.reason() == null || i.reason().isBlank())) {
            throw ApiException.unprocessable("dossier.request.items");
        }
    }

    /** A file to attach: uploaded (checked by {@link AttachmentPolicy}) or reused from the applicant's data store. */
    record Decoded(String name, String contentType, byte[] content, UUID reusedFrom, String document) {

        Decoded(String name, AttachmentPolicy.FileType type, byte[] content) {
            this(name, type.contentType(), content, null, null);
        }
    }

    /**
     * Uploads are judged by {@link AttachmentPolicy}; {@code {"reuse": id}} takes the document from the data store of
     * {@code owner} (the signed-in account): unknown or another person's document is a 404, one no longer valid on
     * {@code today} a 422. Its file was judged when it entered the store (or was issued by Motcua).
     */
    private List<Decoded> decode(List<SubmitDossier.AttachmentData> attachments, String owner, LocalDate today,
                                 ProcedureVersion version) {
        List<Decoded> files = new ArrayList<>();
        if (attachments == null) {
            return files;
        }
        if (attachments.size() > AttachmentPolicy.MAX_FILES) {
            throw ApiException.unprocessable("dossier.attachment.tooMany", AttachmentPolicy.MAX_FILES);
        }
        for (var a : attachments) {
            String document = a == null ? null : RequiredDocuments.check(version, a.document(), files.size());
            if (a != null && a.reuse() != null) {
                files.add(reused(a.reuse(), owner, today, document));
                continue;
            }
            if (a == null || a.fileName() == null || a.contentBase64() == null) {
                throw ApiException.unprocessable("dossier.attachment.missing");
            }
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(a.contentBase64());
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable("dossier.attachment.base64", String.valueOf(a.fileName()));
            }
            var type = AttachmentPolicy.check(a.fileName(), content);
            files.add(new Decoded(a.fileName().strip(), type.contentType(), content, null, document));
        }
        return files;
    }

    private Decoded reused(String documentId, String owner, LocalDate today, String document) {
        UUID id;
        try {
            id = UUID.fromString(documentId.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("dossier.attachment.reuse.notFound");
        }
        ReusableDocuments documents = reusable.getIfAvailable();
        ReusableDocuments.Resolved doc = (documents == null ? Optional.<ReusableDocuments.Resolved>empty()
                : documents.resolve(owner, id))
                .orElseThrow(() -> ApiException.notFound("dossier.attachment.reuse.notFound"));
        if (!doc.validOn(today)) {
            throw ApiException.unprocessable("dossier.attachment.reuse.expired", doc.fileName());
        }
        return new Decoded(doc.fileName(), doc.contentType(), doc.content(), doc.id(), document);
    }


    private void publish(Dossier d, DossierState from, DossierState to, Instant at, String reason) {
        publish(d, from, to, at, reason, d.code(), d.dueAt());
    }

    private void publish(Dossier d, DossierState from, DossierState to, Instant at, String reason, String code,
                         Instant due) {
        events.publishEvent(new DossierStateChanged(d.id(), code, from, to, at, d.procedureName(), d.agencyName(),
                d.applicant().name(), d.applicant().email(), due, reason, d.receiptNumber()));
    }
}
