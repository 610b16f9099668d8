package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.calendar.internal.CalendarService;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class CalendarApiTest {

    @LocalServerPort
    int port;
    @Autowired
    CalendarService service;
    @Autowired
    WorkingCalendar calendar;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        service.loadBundled(List.of(2025, 2026));
    }

    @Test
    void loadingTheShippedSchedulesIsIdempotent() {
        assertThat(service.loadBundled(List.of(2025, 2026))).isZero();
        assertThat(service.scheduleOrigin(2025)).contains("BUNDLED");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-04-26"))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-05-02"))).isFalse();
    }

    @Test
    void deadlineForADossierReceivedFridayAfterTheCutOff() {
        var r = http.get("/api/v1/calendar/deadline?receivedAt=2025-03-14T16:00:00%2B07:00&workingDays=3");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("countFrom").asString()).isEqualTo("2025-03-17T07:30:00+07:00");
        assertThat(r.json().get("dueAt").asString()).isEqualTo("2025-03-20T17:00:00+07:00");
        // A local date-time is read in Asia/Ho_Chi_Minh; UTC offsets are converted.
        var local = http.get("/api/v1/calendar/deadline?receivedAt=2025-03-14T16:00&workingDays=3");
        assertThat(local.json().get("dueAt").asString()).isEqualTo("2025-03-20T17:00:00+07:00");
        var utc = http.get("/api/v1/calendar/deadline?receivedAt=2025-03-14T09:00:00Z&workingDays=3");
        assertThat(utc.json().get("dueAt").asString()).isEqualTo("2025-03-20T17:00:00+07:00");
        // Around Tết 2025 with the official schedule: last working day before the break.
        var tet = http.get("/api/v1/calendar/deadline?receivedAt=2025-01-24T09:00&workingDays=3");
        assertThat(tet.json().get("dueAt").asString()).isEqualTo("2025-02-05T17:00:00+07:00");
        var hours = http.get("/api/v1/calendar/deadline?receivedAt=2025-03-17T10:00&workingHours=8");
        assertThat(hours.json().get("countFrom").asString()).isEqualTo("2025-03-17T10:00:00+07:00");
        assertThat(hours.json().get("dueAt").asString()).isEqualTo("2025-03-18T10:00:00+07:00");
        var now = http.get("/api/v1/calendar/deadline?receivedAt=now&workingDays=1");
        assertThat(now.status()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(now.json().get("dueAt").asString()).toInstant()).isAfter(Instant.now());
    }

    @Test
    void badDeadlineParametersGetLocalisedProblemDetails() {
        String[] bad = {
                "/api/v1/calendar/deadline?receivedAt=2025-03-14T16:00&workingDays=3&workingHours=2",
                "/api/v1/calendar/deadline?receivedAt=2025-03-14T16:00",
                "/api/v1/calendar/deadline?receivedAt=2025-03-14T16:00&workingDays=-1",
                "/api/v1/calendar/deadline?receivedAt=2025-03-14T16:00&workingDays=abc",
                "/api/v1/calendar/deadline?receivedAt=14/03/2025&workingDays=3",
                "/api/v1/calendar/deadline?workingDays=3",
                "/api/v1/calendar/deadline?receivedAt=2199-12-30T10:00&workingDays=30",
        };
        for (String path : bad) {
            var r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain("Exception", "at vn.");
        }
        var both = http.get(bad[0]);
        assertThat(both.json().get("detail").asString()).contains("workingDays", "workingHours", "Cần đúng một");
        assertThat(http.get(bad[0], "Accept-Language", "en").json().get("detail").asString())
                .isEqualTo("Give exactly one of the parameters workingDays or workingHours.");
        assertThat(http.get(bad[2]).json().get("detail").asString()).contains("-1", "từ 0 đến");
        assertThat(http.get(bad[4]).json().get("detail").asString()).contains("14/03/2025", "ISO-8601");
        assertThat(http.get(bad[4]).json().get("code").asString()).isEqualTo("calendar.error.receivedAt.invalid");
    }

    @Test
    void daysOffAreSortedAndNamedInTheCallersLanguage() {
        var vi = http.get("/api/v1/calendar/2025/days-off");
        assertThat(vi.status()).isEqualTo(200);
        var dates = vi.json().valueStream().map(n -> n.get("date").asString()).toList();
        assertThat(dates).isSorted().contains("2025-01-01", "2025-01-25", "2025-02-02", "2025-05-02", "2025-09-01")
                .doesNotContain("2025-04-26");
        assertThat(vi.json().get(0).get("name").asString()).isEqualTo("Tết Dương lịch");
        var en = http.get("/api/v1/calendar/2025/days-off", "Accept-Language", "en");
        assertThat(en.json().get(0).get("name").asString()).isEqualTo("New Year's Day");
        // A year without an official schedule gets the computed defaults.
        var computed = http.get("/api/v1/calendar/2027/days-off");
        assertThat(computed.json().valueStream().map(n -> n.get("date").asString()))
                .contains("2027-02-05", "2027-02-06", "2027-04-16", "2027-05-03", "2027-09-03");
        assertThat(http.get("/api/v1/calendar/2027").json().get("origin").asString()).isEqualTo("COMPUTED");
        assertThat(http.get("/api/v1/calendar/3000/days-off").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/calendar/abc/days-off").status()).isEqualTo(400);
    }

    @Test
    void onlyAnAdministratorUploadsASchedule() {
        String json = """
                {"year": 2098, "source": "test schedule", "daysOff": [
                  {"from": "2098-03-03", "to": "2098-03-04", "kind": "OFFICIAL", "nameVi": "Nghỉ thử", "nameEn": "Test day off",
                   "status": "OFFICIAL_DECISION", "source": "test"}],
                 "makeUpDays": [{"date": "2098-03-08", "nameVi": "Làm bù thử", "status": "OFFICIAL_DECISION", "source": "test"}]}
                """;
        assertThat(put("/api/v1/calendar/2098/schedule", json, null).status()).isEqualTo(401);
        assertThat(put("/api/v1/calendar/2098/schedule", json, Http.basic("tiepnhan", "demo")).status()).isEqualTo(403);
        var ok = put("/api/v1/calendar/2098/schedule", json, Http.basic("quantri", "demo"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("origin").asString()).isEqualTo("OFFICIAL");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2098-03-03"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2098-03-08"))).as("Saturday made a working day").isTrue();
        // The uploaded year replaces the computed defaults: 1 January 2098 is no longer listed.
        var days = http.get("/api/v1/calendar/2098/days-off", "Accept-Language", "en");
        assertThat(days.json().valueStream().map(n -> n.get("date").asString()).toList()).containsExactly("2098-03-03", "2098-03-04");
        assertThat(days.json().get(0).get("name").asString()).isEqualTo("Test day off");

        var wrongYear = put("/api/v1/calendar/2097/schedule", json, Http.basic("quantri", "demo"));
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.json().get("detail").asString()).isEqualTo("Lịch là của năm 2098, không phải năm 2097.");
        var broken = put("/api/v1/calendar/2098/schedule", "{\"year\": 2098, \"source\": \"x\", \"daysOff\": [{\"from\": \"2098-02-30\"}]}",
                Http.basic("quantri", "demo"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).contains("2098-02-30", "daysOff[0].from");
        // Bundled schedules never override an upload.
        assertThat(service.loadBundled(List.of(2025, 2026))).isZero();
        assertThat(service.removeSchedule(2098, "test")).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2098-03-03"))).isTrue();
    }

    @Test
    void agencyOfficeHoursChangeTheCutOff() {
        String agency = "T.CAL-" + System.nanoTime();
        var set = put("/api/v1/calendar/office-hours/" + agency, "{\"sessions\": \"08:00-12:00,13:30-17:30\", \"cutOff\": \"16:30\"}",
                Http.basic("quantri", "demo"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/calendar/office-hours/" + agency).json().get("cutOff").asString()).isEqualTo("16:30");
        var r = http.get("/api/v1/calendar/deadline?receivedAt=2025-03-14T16:00&workingDays=3&agencyCode=" + agency);
        assertThat(r.json().get("countFrom").asString()).isEqualTo("2025-03-14T16:00:00+07:00");
        assertThat(r.json().get("dueAt").asString()).isEqualTo("2025-03-19T17:30:00+07:00");
        var bad = put("/api/v1/calendar/office-hours/" + agency, "{\"sessions\": \"17:00-08:00\", \"cutOff\": \"16:30\"}",
                Http.basic("quantri", "demo"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(calendar.officeHours(null)).isEqualTo(OfficeHours.DEFAULT);
    }

    @Test
    void theBeanComputesPausesWithTheOfficialCalendar() {
        Instant received = OffsetDateTime.parse("2025-04-22T09:00+07:00").toInstant();
        var pause = new Pause(OffsetDateTime.parse("2025-04-25T10:00+07:00").toInstant(),
                OffsetDateTime.parse("2025-05-06T10:00+07:00").toInstant());
        assertThat(calendar.dueAt(received, ProcessingTime.workingDays(5), List.of(pause), PausePolicy.PAUSE, 0, null)
                .toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2025-05-08T17:00+07:00"));
        assertThat(calendar.daysOff(2026)).extracting(DayOff::date).contains(LocalDate.parse("2026-04-27"));
        assertThat(calendar.classify(OffsetDateTime.parse("2025-05-08T16:00+07:00").toInstant(),
                OffsetDateTime.parse("2025-05-08T17:00+07:00").atZoneSameInstant(DeadlineCalculator.ZONE))).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void administratorPageShowsTheYearAndAcceptsAnUpload() {
        assertThat(http.get("/admin/calendar/2025").status()).isEqualTo(302);
        login("tiepnhan");
        assertThat(http.get("/admin/calendar/2025").status()).isEqualTo(403);

        http = new Http(port);
        login("quantri");
        var page = http.get("/admin/calendar/2025");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Lịch làm việc năm 2025", "Nghỉ Tết Nguyên đán Ất Tỵ", "Làm bù cho ngày nghỉ 02/5/2025",
                "scope=\"col\"", "Lịch chính thức kèm theo phần mềm", "id=\"month-12\"");
        String csrf = Http.csrfToken(page.body());
        String json = "{\"year\": 2097, \"source\": \"page test\", \"daysOff\": [{\"from\": \"2097-06-03\", \"nameVi\": \"Nghỉ qua trang\", "
                + "\"status\": \"OFFICIAL_DECISION\", \"source\": \"test\"}]}";
        var upload = http.send(http.request("/admin/calendar/2097/schedule").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(Http.form("json", json, "_csrf", csrf)).build());
        assertThat(upload.status()).isEqualTo(302);
        assertThat(http.get("/admin/calendar/2097?uploaded").body()).contains("Nghỉ qua trang", "Đã lưu lịch chính thức");
        var rejected = http.send(http.request("/admin/calendar/2097/schedule").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(Http.form("json", "{\"year\": 2096}", "_csrf", csrf)).build());
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body()).contains("id=\"upload-error\"", "Lịch thiếu trường");
        assertThat(service.removeSchedule(2097, "test")).isTrue();
    }

    private Http.Response put(String path, String json, String authorization) {
        HttpRequest.Builder b = http.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build());
    }

    private void login(String user) {
        assertThat(http.login(user, "demo").status()).isEqualTo(302);
    }
}
