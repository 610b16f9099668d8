package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.support.IntegrationTest;
import vn.motcua.territory.PostRole;

/**
 * Form 06 on a worked example across a weekend and the National Day holiday of 2025: a step with an
 * 8-working-hour quota handed over on Friday 29/08/2025 at 14:00 has 3 hours that Friday; Saturday 30
 * and Sunday 31 are the weekend, Monday 1 and Tuesday 2 September are days off; the remaining 5 hours
 * run Wednesday 3/09 07:30–11:30 and 13:00–14:00, so the step is due Wednesday 3/09/2025 at 14:00.
 */
@IntegrationTest
class ControlSheetTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    WorkingCalendar calendar;
    @Autowired
    ProcessingForms forms;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(VN).toInstant();
    }

    static ProcessingStore.Step step(int seq, String sender, String receiver, Instant opened, Instant finished) {
        return new ProcessingStore.Step(UUID.randomUUID(), seq, 2, "APPRAISAL", "Thẩm định " + seq, PostRole.HANDLING,
                "UBND-26740", 8, opened, sender, sender, null, receiver, receiver, opened, finished, receiver, StepOutcome.DONE,
                null, null, null);
    }

    @Test
    void earlyOnTimeAndLateAcrossAWeekendAndAHoliday() throws Exception {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 8, 30))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 2))).isFalse();
        Instant handed = at("2025-08-29T14:00");
        var rows = forms.controlRows(List.of(
                step(1, "Trần Thị Bình", "Lê Văn Cường", handed, at("2025-08-29T16:00")),
                step(2, "Trần Thị Bình", "Lê Văn Cường", handed, at("2025-09-03T10:00")),
                step(3, "Trần Thị Bình", "Lê Văn Cường", handed, at("2025-09-03T14:00")),
                step(4, "Trần Thị Bình", "Lê Văn Cường", handed, at("2025-09-03T15:00"))), List.of());
        assertThat(rows).extracting(ProcessingForms.ControlRow::dueAt).containsOnly(at("2025-09-03T14:00"));
        assertThat(rows).extracting(ProcessingForms.ControlRow::timeliness)
                .containsExactly(Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.ON_TIME, Timeliness.LATE);

        Dossier d = new Dossier(UUID.randomUUID(), "UBND-26740-250829-0001", "7KQ4M2XD9P", "1.001193", "Đăng ký khai sinh", null,
                Dossier.Channel.ONLINE, DossierState.RETURNED, new Dossier.Applicant(Dossier.Applicant.Kind.PERSON,
                "Nguyễn Thị Thủy Tiên", null, null, null), "26740", null, Map.of(), "UBND-26740", "UBND-26740",
                "UBND phường Sài Gòn", null, "congdan", handed, handed, null, handed, at("2025-09-05T17:00"),
                at("2025-09-04T09:00"), 9);
        String text;
        try (var pdf = Loader.loadPDF(forms.form06(d, rows, "https://example.vn/track"))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ").contains("14:00 03/09/2025")
                .contains("Trước hạn").contains("Đúng hạn").contains("Quá hạn").contains("Lê Văn Cường");
    }

    @Test
    void aPauseInsideTheStepMovesItsDeadline() {
        Instant handed = at("2025-08-29T14:00");
        // Paused Friday 15:00 → Wednesday 08:30: the hour 14:00–15:00 ran, then 7 hours from 08:30 Wednesday
        // (08:30–11:30 and 13:00–17:00): due Wednesday 17:00 instead of 14:00.
        var pause = List.of(new vn.motcua.calendar.Pause(at("2025-08-29T15:00"), at("2025-09-03T08:30")));
        var rows = forms.controlRows(List.of(step(1, "A", "B", handed, at("2025-09-03T16:00")),
                step(2, "A", "B", handed, at("2025-09-04T09:00"))), pause);
        assertThat(rows.get(0).dueAt()).isEqualTo(at("2025-09-03T17:00"));
        assertThat(rows).extracting(ProcessingForms.ControlRow::timeliness)
                .containsExactly(Timeliness.ON_TIME, Timeliness.LATE);
    }
}
