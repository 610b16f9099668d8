package vn.motcua.dossier.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import vn.motcua.calendar.Pause;
import vn.motcua.calendar.PausePolicy;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.WorkingCalendar;

/** Step deadlines: the quota in working hours from the hand-off, the clock stopped during pauses. */
public final class StepTiming {
    private StepTiming() {
    }

    public static Instant due(WorkingCalendar calendar, Instant openedAt, Integer quotaHours, List<Pause> pauses,
                              String agency) {
        if (quotaHours == null) {
            return null;
        }
        List<Pause> within = pauses.stream().filter(p -> !p.from().isBefore(openedAt)).toList();
        return calendar.dueAt(openedAt, ProcessingTime.workingHours(quotaHours), within, PausePolicy.PAUSE, 0, agency)
                .toInstant();
    }

    public static Timeliness classify(WorkingCalendar calendar, Instant finishedAt, Instant due) {
        return due == null ? null : calendar.classify(finishedAt, ZonedDateTime.ofInstant(due, IntakeService.VN));
    }
}
