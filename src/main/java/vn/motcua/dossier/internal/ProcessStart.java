package vn.motcua.dossier.internal;

import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.ProcessTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.ProcessStep;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierStateChanged;
import vn.motcua.dossier.internal.ProcessingStore.StepDef;
import vn.motcua.platform.text.FieldKeys;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;

/**
 * Where processing starts: the process a dossier follows (the procedure version's steps, or the default four), its
 * first steps on acceptance, and the field a step's queue is narrowed to.
 */
@Service
class ProcessStart {

    private final DossierStore store;
    private final ProcessingStore steps;
    private final Catalogue catalogue;
    private final WorkingCalendar calendar;
    private final Staff staff;

    ProcessStart(DossierStore store, ProcessingStore steps, Catalogue catalogue, WorkingCalendar calendar, Staff staff) {
        this.store = store;
        this.steps = steps;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.staff = staff;
    }

    /** Runs inside the acceptance transaction: snapshots the process, closes reception, opens the next step. */
    @EventListener
    void onStateChanged(DossierStateChanged e) {
        if (e.to() == DossierState.ACCEPTED && (e.from() == DossierState.SUBMITTED || e.from() == null)) {
            start(e.dossierId(), e.at());
        }
    }

    /**
     * Called by reception inside the acceptance transaction, before the dossier code is taken. Reception holds the
     * lock on a SUBMITTED dossier, which has no steps yet, and passes the row it read: nothing to read again. The
     * process snapshot joins the acceptance's own update of the row ({@code acceptance}).
     */
    void onAcceptance(Dossier d, DossierStore.Processing processing, Instant at, String by, String byName,
                      DossierChange acceptance) {
        start(d, processing, at, by, byName, acceptance);
    }

    void start(UUID id, Instant at) {
        if (steps.hasSteps(id)) {
            return;
        }
        var accepted = store.events(id).stream().filter(ev -> ev.type().equals(DossierEventType.ACCEPTED.name())).reduce((a, b) -> b);
        start(store.find(id).orElseThrow(), store.processing(id), at, accepted.map(ev -> ev.actor()).orElse("system"),
                accepted.map(ev -> ev.actorName()).orElse(null), null);
    }

    /**
     * Snapshots the process and writes the first steps of a dossier that has none. {@code acceptance}: the change
     * the acceptance is about to make, to which the snapshot is added (null: saved here).
     */
    private void start(Dossier d, DossierStore.Processing processing, Instant at, String by, String byName,
                       DossierChange acceptance) {
        UUID id = d.id();
        ProcedureVersion version = catalogue.versionInForce(d.procedureCode(),
                LocalDate.ofInstant(d.receivedAt(), IntakeService.VN)).orElse(null);
        List<StepDef> process = process(processing, version);
        String field = version == null || version.field() == null || version.field().isBlank() ? null
                : version.field().strip();
        String fieldKey = FieldKeys.key(field);
        if (acceptance != null) {
            acceptance.process(process, field, fieldKey);
        } else {
            steps.saveProcess(id, process, field, fieldKey);
        }
        List<ProcessingStore.NewStep> rows = new ArrayList<>();
        StepDef first = process.get(0);
        int next = 0;
        if (first.role() == PostRole.RECEPTION) {
            // Reception was the acceptance itself: recorded as done by the accepting officer.
            Instant opened = d.countFrom() == null ? d.receivedAt() : d.countFrom();
            Instant due = StepTiming.due(calendar, opened, first.quotaHours(), List.of(), d.agencyCode());
            rows.add(new ProcessingStore.NewStep(first, d.agencyCode(),
                    queueField(fieldKey, d.agencyCode(), first.role(), at), d.receivedAt(), d.submittedBy(), null, due,
                    by, byName, at, StepOutcome.DONE, StepTiming.classify(calendar, at, due)));
            next = 1;
        }
        StepDef def = process.get(next);
        rows.add(new ProcessingStore.NewStep(def, d.agencyCode(), queueField(fieldKey, d.agencyCode(), def.role(), at),
                at, by, byName, StepTiming.due(calendar, at, def.quotaHours(), List.of(), d.agencyCode()), null, null,
                null, null, null));
        steps.insertFirstSteps(id, rows);
    }

    /** The version's process, or catalogue's default four steps for the dossier's time; always ends with a return step. */
    List<StepDef> process(DossierStore.Processing p, ProcedureVersion version) {
        List<ProcessStep> defined = version == null || version.process() == null ? List.of() : version.process();
        if (defined.stream().noneMatch(s -> s.role() != PostRole.RECEPTION)) {
            ProcessingTime time = p.time();
            // no time, or a zero time, leaves the steps without a quota
            defined = ProcessTemplate.defaultProcess(time == null || time.amount() == 0 ? null : time);
        }
        List<StepDef> out = new ArrayList<>();
        for (ProcessStep s : defined) {
            out.add(new StepDef(out.size() + 1, s.code(), s.name(), s.role(),
                    s.quota() == null ? null : s.quota().inWorkingHours()));
        }
        if (out.get(out.size() - 1).role() != PostRole.RECEPTION) {
            out.add(new StepDef(out.size() + 1, "RETURN", "Trả kết quả", PostRole.RECEPTION, null));
        }
        return out;
    }

    /**
     * The field a step's queue is narrowed to: the dossier's field key when, today, an officer of the agency
     * holds a post of the step's role whose field covers it; otherwise null, so that every officer of the
     * agency and role may take the step and nothing waits in a queue nobody sees (procedures of a field the
     * agency has no dedicated post for, reception and leader steps, inter-agency transfers).
     */
    String queueField(String fieldKey, String agency, PostRole role, Instant at) {
        if (fieldKey == null) {
            return null;
        }
        boolean dedicated = staff.holders(agency, role, today(at)).stream()
                .anyMatch(h -> h.field() != null && !h.field().isBlank() && FieldKeys.covers(h.field(), fieldKey));
        return dedicated ? fieldKey : null;
    }

    /** The step where the decision is made: the last step that is not reception or return. */
    static StepDef decisionStep(List<StepDef> process) {
        StepDef last = null;
        for (StepDef s : process) {
            if (s.role() != PostRole.RECEPTION) {
                last = s;
            }
        }
        return last;
    }


    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, IntakeService.VN);
    }
}
