package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.privacy.internal.Register;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * GET /api/v1/me/data-export (issue 21): a citizen's own data — account, dossiers with applicant data and form content,
 * attachments' metadata, history, notifications, who viewed — with every registered personal field, and nothing of
 * another citizen.
 */
@IntegrationTest
class DataExportTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    @Autowired
    JsonMapper json;
    @Autowired
    CustodyLedger ledger;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    @Test
    void aCitizenGetsAllTheirDataAndNothingOfAnyoneElse() {
        accounts.save("congdan.xuat", "demo", "Lý Thị Xuất", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        accounts.setEmail("congdan.xuat", "xuat@example.vn");
        accounts.save("congdan.khac2", "demo", "Phạm Văn Khác", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        String mine = IntakeApiTest.phone();
        String theirs = IntakeApiTest.phone();
        var body = DossierFixtures.birthSubmission(mine, "xuat." + mine + "@example.vn", DossierFixtures.SAI_GON);
        var r = http.postJson("congdan.xuat", "demo", "/api/v1/dossiers", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(http.postJson("congdan.khac2", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(theirs, "khac." + theirs + "@example.vn", DossierFixtures.SAI_GON))
                .status()).isEqualTo(201);
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/accept", java.util.Map.of()).status())
                .isEqualTo(200);
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/dossiers/" + id).status()).isEqualTo(200); // logged

        var export = http.getAs("congdan.xuat", "demo", "/api/v1/me/data-export");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode doc = export.json();
        assertThat(doc.get("account").get(0).get("display_name").asString()).isEqualTo("Lý Thị Xuất");
        assertThat(doc.get("account").get(0).get("email").asString()).isEqualTo("xuat@example.vn");
        assertThat(doc.get("dossiers")).hasSize(1);
        JsonNode d = doc.get("dossiers").get(0);
        assertThat(d.get("id").asString()).isEqualTo(id);
        assertThat(d.get("applicant_phone").asString()).isEqualTo(mine);
        assertThat(d.get("applicant_personal_id").asString()).isEqualTo("079190012345");
        assertThat(d.get("form_data").get("child").get("fullName").asString()).isEqualTo("Trần Minh Khôi");
        assertThat(doc.get("attachments").get(0).get("file_name").asString()).isEqualTo("giay-chung-sinh.pdf");
        assertThat(doc.get("attachments").get(0).has("content")).as("files as metadata only").isFalse();
        assertThat(doc.get("attachments").get(0).get("sha256").asString()).hasSize(64);
        assertThat(doc.get("events").findValuesAsString("type")).contains("SUBMITTED", "ACCEPTED");
        assertThat(doc.get("accessLog").get(0).get("who_name").asString()).isEqualTo("Trần Thị Bình");
        assertThat(doc.get("accessLog").get(0).has("who")).isFalse();
        assertThat(doc.has("notifications")).isTrue();
        assertThat(export.body()).doesNotContain("password_hash", "{bcrypt}", theirs, "Phạm Văn Khác");

        // Every registered personal column of every table that has rows of this citizen is in the export.
        Register register = Register.load(json);
        for (Register.Table t : register.tables()) {
            if (t.subject() == null) {
                continue;
            }
            JsonNode rows = doc.get(t.exportAs());
            assertThat(rows).as(t.table()).isNotNull();
            if (!rows.isEmpty()) {
                for (String column : t.exported()) {
                    assertThat(rows.get(0).has(column)).as(t.table() + "." + column).isTrue();
                }
            }
        }
        assertThat(doc.get("notifications")).as("the acceptance notice").isNotEmpty();

        // Only citizens, each their own.
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/me/data-export").status()).isEqualTo(403);
        assertThat(http.getAs("kiemtra", "demo", "/api/v1/me/data-export").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/me/data-export").status()).isEqualTo(401);
        var other = http.getAs("congdan.khac2", "demo", "/api/v1/me/data-export");
        assertThat(other.body()).contains(theirs).doesNotContain(mine, id, "Lý Thị Xuất");
    }

    /**
     * A reorganisation's transfer written in the journal mode (the default since session 12) is a journal row read
     * through {@code dossier_history}, not a {@code dossier_event}: the export shows it as the dossier's timeline does.
     */
    @Test
    void aTransferReadFromTheJournalIsInTheCitizensExport() {
        accounts.save("congdan.chuyen", "demo", "Đỗ Văn Chuyển", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        String phone = IntakeApiTest.phone();
        var r = http.postJson("congdan.chuyen", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "chuyen." + phone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/accept", java.util.Map.of()).status())
                .isEqualTo(200);
        java.util.UUID dossier = java.util.UUID.fromString(id);
        String from = jdbc.sql("select agency_code from dossier where id = ?").param(dossier).query(String.class).single();
        java.util.UUID plan = java.util.UUID.randomUUID();
        java.time.Instant effective = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ledger.record(plan, effective, 10, java.util.List.of(new CustodyLedger.Move(dossier, from, "UBND-TEST-XUAT",
                "UBND thử xuất", "FULL_MERGE", effective.plus(10, java.time.temporal.ChronoUnit.DAYS), false)));
        assertThat(ledger.moveBatch(plan, 1, "quantri", "Sáp nhập thử")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from dossier_event where dossier_id = ? and type = 'TRANSFERRED'")
                .param(dossier).query(Long.class).single()).as("the journal mode: no event for the transfer").isZero();

        var export = http.getAs("congdan.chuyen", "demo", "/api/v1/me/data-export");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode events = export.json().get("events");
        JsonNode transfer = null;
        for (JsonNode e : events) {
            if (e.get("type").asString().equals("TRANSFERRED")) {
                transfer = e;
            }
        }
        assertThat(transfer).as(events.toString()).isNotNull();
        assertThat(transfer.get("dossier_id").asString()).isEqualTo(id);
        assertThat(transfer.get("actor").asString()).isEqualTo("quantri");
        assertThat(transfer.get("reason").asString()).isEqualTo("Sáp nhập thử");
        assertThat(transfer.get("actor_agency").asString()).isEqualTo("UBND-TEST-XUAT");
        assertThat(transfer.get("data").get("plan").asString()).isEqualTo(plan.toString());
        assertThat(transfer.get("data").get("from").asString()).isEqualTo(from);
        // The same entries, numbers and order as the dossier's own timeline.
        JsonNode timeline = http.getAs("congdan.chuyen", "demo", "/api/v1/dossiers/" + id).json().get("events");
        assertThat(events).extracting(e -> e.get("seq").asInt() + " " + e.get("type").asString())
                .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(timeline.spliterator(), false)
                        .map(e -> e.get("seq").asInt() + " " + e.get("type").asString()).toList());
    }
}
