package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.questions.internal.QuestionDeadlines;
import vn.motcua.support.IntegrationTest;

/**
 * Each time limit of a question across a weekend and a holiday, on the application's own working calendar (the one
 * dossiers use, with the official 2026 schedule: 27/4 substitute day for Hùng Kings, 30/4 and 1/5, Tết 14–22/2).
 */
@IntegrationTest
class QuestionDeadlinesTest {

    @Autowired
    WorkingCalendar calendar;

    private QuestionDeadlines limits() {
        return new QuestionDeadlines(calendar);
    }

    static Instant vn(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }

    @Test
    void acceptOrRefuseWithinTwoWorkingDays() {
        // Wed 29/4 10:00: 30/4 and 1/5 are holidays, 2–3/5 a weekend: Mon 4/5 and Tue 5/5.
        assertThat(limits().accept(vn("2026-04-29T10:00:00"), null)).isEqualTo(vn("2026-05-05T17:00:00"));
        // Fri 24/4 16:00, after the 15:00 cut-off: counts from Tue 28/4 (27/4 is the Hùng Kings substitute day).
        assertThat(limits().accept(vn("2026-04-24T16:00:00"), null)).isEqualTo(vn("2026-05-04T17:00:00"));
        // A plain weekend: Fri 6/3 → Mon 9/3, Tue 10/3.
        assertThat(limits().accept(vn("2026-03-06T10:00:00"), null)).isEqualTo(vn("2026-03-10T17:00:00"));
    }

    @Test
    void askForInformationWithinFiveWorkingDays() {
        // Wed 29/4: Mon 4/5 … Fri 8/5 (the holidays and the weekend skipped).
        assertThat(limits().information(vn("2026-04-29T10:00:00"), null)).isEqualTo(vn("2026-05-08T17:00:00"));
        // Thu 12/2 before Tết (14–22/2): Fri 13/2, then Mon 23/2 … Thu 26/2.
        assertThat(limits().information(vn("2026-02-12T10:00:00"), null)).isEqualTo(vn("2026-02-26T17:00:00"));
    }

    @Test
    void answerWithinFifteenWorkingDaysOfReceiptOrTheLatestForwardPausedWhileAwaitingInformation() {
        // Thu 23/4: Fri 24/4 (1), Tue 28/4 (2), Wed 29/4 (3), 4/5–8/5 (4–8), 11/5–15/5 (9–13), 18/5 (14), 19/5 (15).
        Instant received = vn("2026-04-23T10:00:00");
        assertThat(limits().answer(received, List.of(), null)).isEqualTo(vn("2026-05-19T17:00:00"));
        // Information asked Mon 4/5, supplied Wed 6/5: two working days added back.
        assertThat(limits().answer(received, List.of(new Pause(vn("2026-05-04T10:00:00"), vn("2026-05-06T10:00:00"))),
                null)).isEqualTo(vn("2026-05-21T17:00:00"));
        // Forwarded on Fri 24/4 at 09:00: 15 working days from the forward, not from receipt.
        assertThat(limits().answer(vn("2026-04-24T09:00:00"), List.of(), null)).isEqualTo(vn("2026-05-20T17:00:00"));
    }

    @Test
    void publishWithinTwoWorkingDaysOfTheAnswer() {
        assertThat(limits().publish(vn("2026-04-29T14:00:00"), null)).isEqualTo(vn("2026-05-05T17:00:00"));
        // Answered Fri 13/2 before Tết: Mon 23/2, Tue 24/2.
        assertThat(limits().publish(vn("2026-02-13T09:00:00"), null)).isEqualTo(vn("2026-02-24T17:00:00"));
    }

    @Test
    void everyLimitCountsFromTheLatestForwardAcrossAHolidayAndAWeekend() {
        // Forwarded on Wed 29/4 at 15:30, after the 15:00 cut-off: 30/4 and 1/5 are holidays, 2–3/5 a weekend, so
        // the forward counts from Mon 4/5 and the first working day counted is Tue 5/5.
        Instant forwarded = vn("2026-04-29T15:30:00");
        assertThat(limits().accept(forwarded, null)).isEqualTo(vn("2026-05-06T17:00:00"));        // 5/5, 6/5
        assertThat(limits().information(forwarded, null)).isEqualTo(vn("2026-05-11T17:00:00"));   // 5–8/5, 11/5
        // 5–8/5 (4), 11–15/5 (9), 18–22/5 (14), Mon 25/5 (15).
        assertThat(limits().answer(forwarded, List.of(), null)).isEqualTo(vn("2026-05-25T17:00:00"));
        // An answer written on the holiday itself (Thu 30/4): publish counts from Mon 4/5 too.
        assertThat(limits().publish(vn("2026-04-30T09:00:00"), null)).isEqualTo(vn("2026-05-06T17:00:00"));
    }
}
