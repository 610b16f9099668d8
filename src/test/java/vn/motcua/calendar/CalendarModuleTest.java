package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.calendar.internal.CalendarService;
import vn.motcua.support.ModuleSlice;

/**
 * The calendar module alone (with platform, its one dependency, for the database): the official 2025 schedule loads
 * from the bundled files and the public {@link WorkingCalendar} answers from it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class CalendarModuleTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    CalendarService service;

    @BeforeEach
    void load() {
        service.loadBundled(List.of(2025));
    }

    @Test
    void onlyCalendarAndPlatformAreBooted() {
        assertThat(ModuleSlice.modulesIn(context)).containsExactlyInAnyOrder("calendar", "platform");
    }

    @Test
    void theOfficialScheduleDecidesWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-04-26"))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-05-02"))).as("bridge day off").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-05-07"))).isTrue();
    }

    @Test
    void aDossierReceivedFridayAfterTheCutOffCountsFromMonday() {
        Instant friday = ZonedDateTime.parse("2025-03-14T16:00:00+07:00").toInstant();
        assertThat(calendar.countFrom(friday, null)).isEqualTo(ZonedDateTime.parse("2025-03-17T07:30:00+07:00[Asia/Ho_Chi_Minh]"));
        assertThat(calendar.dueAt(friday, ProcessingTime.workingDays(3), null).toOffsetDateTime().toString())
                .isEqualTo("2025-03-20T17:00+07:00");
    }
}
