package vn.motcua.dossier.internal;

import vn.motcua.platform.time.VietnamTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.audit.SealingHold;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.CatalogueReferenceData;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.platform.MotcuaProperties;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;
import vn.motcua.territory.TerritoryReferenceData;

/**
 * Demo mode: a few hundred dossiers in the demo wards, in every intake state, created through the
 * same intake service as real ones (validated forms, real routing and deadlines). Runs once.
 */
@Component
class DossierDemoData {

    private static final Logger log = LoggerFactory.getLogger(DossierDemoData.class);
    static final int COUNT = 300;
    /** Wards whose agencies have demo reception officers (see the territory module's demo staff). */
    static final List<String> WARDS = List.of("26740", "26740", "26740", "26737", "26743", "25747", "26506");
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"};
    static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thanh", "Thùy", "Minh"};
    static final String[] MIDDLE_M = {"Văn", "Minh", "Quốc", "Hữu", "Đức"};
    static final String[] GIVEN_F = {"Hoa", "Lan", "Mai", "Thảo", "Hương", "Trang", "Yến", "Nhung", "Thủy", "Hạnh"};
    static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Hải", "Khoa", "Long", "Phúc", "Quân", "Tài"};

    private final MotcuaProperties properties;
    private final TerritoryReferenceData territory;
    private final CatalogueReferenceData catalogue;
    private final Staff staff;
    private final IntakeService intake;
    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final SealingHold sealing;

    private final java.time.Clock clock;

    DossierDemoData(MotcuaProperties properties, TerritoryReferenceData territory, CatalogueReferenceData catalogue,
                    Staff staff, IntakeService intake, JdbcClient jdbc, WorkingCalendar calendar, java.time.Clock clock,
                    SealingHold sealing) {
        this.clock = clock;
        this.sealing = sealing;
        this.calendar = calendar;
        this.properties = properties;
        this.territory = territory;
        this.catalogue = catalogue;
        this.staff = staff;
        this.intake = intake;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void seed() {
        if (properties.demo() && properties.seedOnStart()) {
            create();
        }
    }

    /** Creates the demo dossiers unless they exist; returns how many were created. */
    int create() {
        territory.ensureLoaded();
        territory.ensureDemoLoaded();
        catalogue.ensureLoaded();
        if (jdbc.sql("select exists(select 1 from dossier where submitted_by like 'demo:%')").query(Boolean.class).single()) {
            return 0;
        }
        // The history is backdated below, after it is written: no node may chain it before (a cluster's other nodes
        // are up while the first one loads this; docs/scaling.md, session 15).
        return sealing.during(this::createNow);
    }

    private int createNow() {
        long started = System.nanoTime();
        Random random = new Random(2025_07_01L);
        int created = 0;
        for (int i = 0; i < COUNT; i++) {
            String ward = WARDS.get(random.nextInt(WARDS.size()));
            Person p = person(random);
            SubmitDossier cmd = switch (i % 3) {
                case 0, 1 -> birth(p, ward, random, VietnamTime.today(clock));
                default -> certifiedCopy(p, ward, random);
            };
            Dossier.Channel channel = random.nextInt(3) == 0 ? Dossier.Channel.COUNTER : Dossier.Channel.ONLINE;
            Dossier d = intake.submit(cmd, new Actor("demo:" + p.phone, p.name, null, null), channel, null);
            created++;
            if (d.state() != DossierState.SUBMITTED) {
                continue;
            }
            Actor officer = receptionOfficer(d.agencyCode());
            if (officer == null) {
                continue;
            }
            int fate = random.nextInt(10);
            if (fate < 5) {
                intake.decideAsDemo(d.id(), officer, Decision.ACCEPT, null);
            } else if (fate < 7) {
                intake.decideAsDemo(d.id(), officer, Decision.SUPPLEMENT, List.of(new RequestItem(
                        "Giấy chứng sinh", "Bản chụp không rõ số giấy, đề nghị nộp bản rõ nét")));
            } else if (fate < 8) {
                intake.decideAsDemo(d.id(), officer, Decision.REFUSE, List.of(new RequestItem(
                        "Tờ khai", "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan")));
            }
        }
        // Spread the demo history over the last three weeks, by whole weeks and only where the moved
        // receipt and appointment still fall on working days, so every date stays true to the calendar.
        record Row(java.util.UUID id, java.sql.Timestamp received, java.sql.Timestamp due) {
        }
        List<Row> rows = jdbc.sql("select id, received_at, due_at from dossier where submitted_by like 'demo:%'")
                .query((rs, n) -> new Row(rs.getObject(1, java.util.UUID.class), rs.getTimestamp(2), rs.getTimestamp(3)))
                .list();
        for (Row row : rows) {
            int weeks = random.nextInt(4);
            if (weeks == 0 || !workingDay(row.received(), weeks) || (row.due() != null && !workingDay(row.due(), weeks))) {
                continue;
            }
            jdbc.sql("""
                    update dossier set received_at = received_at - :d, count_from = count_from - :d,
                           reception_due_at = reception_due_at - :d, accepted_at = accepted_at - :d,
                           due_at = due_at - :d, closed_at = closed_at - :d where id = :id
                    """).param("d", new org.postgresql.util.PGInterval(0, 0, weeks * 7, 0, 0, 0)).param("id", row.id()).update();
            jdbc.sql("update dossier_event set at = at - :d where dossier_id = :id")
                    .param("d", new org.postgresql.util.PGInterval(0, 0, weeks * 7, 0, 0, 0)).param("id", row.id()).update();
        }
        log.info("Demo mode: created {} demo dossiers in {} ms", created, (System.nanoTime() - started) / 1_000_000);
        return created;
    }

    private boolean workingDay(java.sql.Timestamp t, int weeksBack) {
        return calendar.isWorkingDay(LocalDate.ofInstant(t.toInstant(), IntakeService.VN).minusWeeks(weeksBack));
    }

    enum Decision { ACCEPT, SUPPLEMENT, REFUSE }

    private Actor receptionOfficer(String agencyCode) {
        if (agencyCode == null) {
            return null;
        }
        return staff.holders(agencyCode, PostRole.RECEPTION, VietnamTime.today(clock)).stream().findFirst()
                .map(h -> new Actor(h.username() == null ? "demo-officer:" + h.officerId() : h.username(), h.officerName(),
                        h.agency().code(), h.postTitle()))
                .orElse(null);
    }

    record Person(String name, String birthDate, String personalId, String phone, boolean female) {
    }

    static Person person(Random r) {
        boolean female = r.nextBoolean();
        String name = FAMILY[r.nextInt(FAMILY.length)] + " " + (female ? MIDDLE_F[r.nextInt(MIDDLE_F.length)]
                : MIDDLE_M[r.nextInt(MIDDLE_M.length)]) + " " + (female ? GIVEN_F[r.nextInt(GIVEN_F.length)]
                : GIVEN_M[r.nextInt(GIVEN_M.length)]);
        int year = 1960 + r.nextInt(45);
        LocalDate birth = LocalDate.of(year, 1 + r.nextInt(12), 1 + r.nextInt(28));
        int century = (year < 2000 ? 0 : 2) + (female ? 1 : 0);
        String id = "079" + century + String.format("%02d", year % 100) + String.format("%06d", r.nextInt(1_000_000));
        String phone = "09" + String.format("%08d", r.nextInt(100_000_000));
        return new Person(name, birth.toString(), id, phone, female);
    }

    private static Map<String, Object> applicant(Person p, String ward) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("fullName", p.name());
        a.put("birthDate", p.birthDate());
        a.put("personalId", p.personalId());
        a.put("phone", p.phone());
        a.put("residence", ward);
        a.put("residenceDetail", "Số " + (1 + p.phone().hashCode() % 200 + 200) % 200 + " đường Lê Lợi");
        return a;
    }

    static SubmitDossier birth(Person p, String ward, Random r, java.time.LocalDate today) {
        Map<String, Object> child = new LinkedHashMap<>();
        boolean girl = r.nextBoolean();
        child.put("fullName", p.name().split(" ")[0] + (girl ? " Ngọc " : " Minh ") + (girl ? GIVEN_F[r.nextInt(GIVEN_F.length)]
                : GIVEN_M[r.nextInt(GIVEN_M.length)]));
        child.put("gender", girl ? "NU" : "NAM");
        child.put("birthDate", today.minusDays(1 + r.nextInt(60)).toString());
        child.put("birthPlace", ward);
        child.put("ethnicity", "Kinh");
        child.put("nationality", "Việt Nam");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicant", applicant(p, ward));
        form.put("relationship", p.female() ? "Mẹ" : "Cha");
        form.put("child", child);
        form.put("resultDelivery", "ONLINE");
        return submission("1.001193", p, ward, form);
    }

    static SubmitDossier certifiedCopy(Person p, String ward, Random r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", r.nextBoolean() ? "Bằng tốt nghiệp trung học phổ thông" : "Giấy khai sinh");
        doc.put("copies", 1 + r.nextInt(3));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicant", applicant(p, ward));
        form.put("documents", List.of(doc));
        form.put("resultDelivery", "COUNTER");
        return submission("2.000815", p, ward, form);
    }

    private static SubmitDossier submission(String code, Person p, String ward, Map<String, Object> form) {
        return new SubmitDossier(code, new SubmitDossier.ApplicantData(Dossier.Applicant.Kind.PERSON, p.name(),
                p.personalId(), p.phone(), null), new SubmitDossier.AddressData(ward, "Đường Lê Lợi"), form,
                new ArrayList<>());
    }
}
