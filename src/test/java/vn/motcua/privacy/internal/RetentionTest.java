package vn.motcua.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.ApiTest;
import vn.motcua.support.IntegrationTest;

/**
 * Retention (issue 21) with a fixed clock: a closed dossier past its period is anonymised and its files are gone; a
 * closed one not past it, and an open one, are untouched; a dry run changes nothing; runs are recorded and append-only.
 */
@IntegrationTest
class RetentionTest extends ApiTest {

    /**
     * The day the job runs. The test's dossiers get a procedure code of their own with a 10-year rule and are
     * backdated: one closed in 2000 (kept until 2010: past), one in 2020 (until 2030: not past). Other tests' closed
     * dossiers in the shared database are recent, so the execution touches none of them.
     */
    private static final Clock FIXED = RetentionFixture.FIXED;
    private static final String PROCEDURE = "9.999921";

    @Autowired
    AccountService accounts;
    @Autowired
    JsonMapper json;
    @Autowired
    Retention retention;
    @Autowired
    KeyRing keys;
    @Autowired
    vn.motcua.privacy.RetainedDossiers owner;

    @BeforeEach
    void setUp() {
        accounts.save("congdan.luutru", "demo", "Phan Thị Lưu Trữ", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
    }

    String submit() {
        String phone = "09" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        var r = http.postJson("congdan.luutru", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "lt." + phone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    void refuse(String id) {
        var r = http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/refusal",
                Map.of("items", List.of(Map.of("document", "Giấy chứng sinh", "reason", "Không hợp lệ"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** @param form the stored form opened (it is encrypted at rest), {@code subjectKeys} its subject's blind indexes */
    record Row(String name, String personalId, String phone, String form, String submittedBy, int files,
               int subjectKeys) {
    }

    Row row(String id) {
        UUID d = UUID.fromString(id);
        return jdbc.sql("""
                        select applicant_name, encode(applicant_personal_id, 'hex'), applicant_phone, form_data, submitted_by,
                               (select count(*) from dossier_attachment a where a.dossier_id = dossier.id)::int,
                               (select count(*) from dossier_subject_key k where k.dossier_id = dossier.id)::int
                        from dossier where id = ?""").param(d)
                .query((rs, n) -> {
                    byte[] form = rs.getBytes(4);
                    assertThat(KeyRing.isEncrypted(form)).as("the form is stored encrypted").isTrue();
                    return new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                            new String(keys.decrypt(form, "dossier.form_data"), java.nio.charset.StandardCharsets.UTF_8),
                            rs.getString(5), rs.getInt(6), rs.getInt(7));
                }).single();
    }

    @Test
    void aClosedDossierPastItsPeriodIsAnonymisedAndItsFilesDeletedOthersUntouched() {
        String past = submit();
        String notPast = submit();
        String open = submit();
        refuse(past);
        refuse(notPast);
        jdbc.sql("update dossier set procedure_code = ? where id in (?, ?, ?)").params(PROCEDURE,
                UUID.fromString(past), UUID.fromString(notPast), UUID.fromString(open)).update();
        jdbc.sql("update dossier set closed_at = ? where id = ?")
                .params(Timestamp.from(Instant.parse("2000-06-01T03:00:00Z")), UUID.fromString(past)).update();
        jdbc.sql("update dossier set closed_at = ? where id = ?")
                .params(Timestamp.from(Instant.parse("2020-06-01T03:00:00Z")), UUID.fromString(notPast)).update();
        Row before = row(past);
        assertThat(before.files()).isPositive();
        assertThat(before.form()).contains("Trần Minh Khôi");
        assertThat(before.subjectKeys()).as("the child's blind index").isPositive();
        Row notPastBefore = row(notPast);
        Row openBefore = row(open);
        // What the officer assistant read out of the files: the past dossier's own file (a hash no other dossier
        // holds) goes with it; a file another dossier holds keeps its reading.
        jdbc.sql("update dossier_attachment set sha256 = 'retention-' || id where dossier_id = ?")
                .param(UUID.fromString(past)).update();
        List<String> pastHashes = jdbc.sql("select sha256 from dossier_attachment where dossier_id = ?")
                .param(UUID.fromString(past)).query(String.class).list();
        String keptHash = jdbc.sql("select sha256 from dossier_attachment where dossier_id = ? limit 1")
                .param(UUID.fromString(notPast)).query(String.class).single();
        for (String h : java.util.stream.Stream.concat(pastHashes.stream(), java.util.stream.Stream.of(keptHash)).toList()) {
            jdbc.sql("""
                            insert into appraisal_reading (sha256, status, text, queued_at) values (?, 'READ', 'CCCD', now())
                            on conflict (sha256) do update set status = 'READ', text = 'CCCD'""").param(h).update();
        }

        retention.setRule(PROCEDURE, 10, "Quy định thử 10 năm", null);
        // The dry run lists the closed dossier past its period, and only it of these three; nothing changes.
        Retention.Run dry = retention.dryRun(FIXED.instant(), "quantri");
        assertThat(dry.mode()).isEqualTo("DRY_RUN");
        List<String> listed = dry.items().stream().map(i -> i.dossierId().toString()).toList();
        assertThat(listed).contains(past).doesNotContain(notPast, open);
        Retention.Item item = dry.items().stream().filter(i -> i.dossierId().toString().equals(past)).findFirst()
                .orElseThrow();
        assertThat(item.attachments()).isEqualTo(before.files());
        assertThat(item.retainedUntil()).isEqualTo(java.time.LocalDate.of(2010, 6, 1));
        assertThat(row(past)).isEqualTo(before);

        // Executed: anonymised, files gone; the other two as they were.
        Retention.Run run = retention.execute(dry.id(), FIXED.instant(), "quantri");
        assertThat(run.mode()).isEqualTo("EXECUTE");
        assertThat(run.dryRunId()).isEqualTo(dry.id());
        assertThat(run.items().stream().map(i -> i.dossierId().toString())).contains(past);
        Row after = row(past);
        assertThat(after.name()).isEqualTo(vn.motcua.privacy.RetainedNotices.ANONYMOUS);
        assertThat(after.personalId()).isNull();
        assertThat(after.phone()).isNull();
        assertThat(after.form()).isEqualTo("{}");
        assertThat(after.subjectKeys()).isZero();
        assertThat(after.submittedBy()).isEqualTo(vn.motcua.privacy.RetainedNotices.NO_ACCOUNT);
        assertThat(after.files()).isZero();
        assertThat(row(notPast)).isEqualTo(notPastBefore);
        assertThat(row(open)).isEqualTo(openBefore);
        assertThat(pastHashes).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from appraisal_reading where sha256 = any(?)")
                .param(pastHashes.toArray(String[]::new)).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from appraisal_reading where sha256 = ?").param(keptHash)
                .query(Integer.class).single()).isEqualTo(1);
        // Gone from the citizen's export and list too.
        assertThat(http.getAs("congdan.luutru", "demo", "/api/v1/me/data-export").body()).doesNotContain(past)
                .contains(notPast, open);

        // Once per dry run; a new dry run no longer lists it.
        assertThatThrownBy(() -> retention.execute(dry.id(), FIXED.instant(), "quantri"))
                .isInstanceOf(ApiException.class);
        assertThat(retention.dryRun(FIXED.instant(), "quantri").items().stream()
                .map(i -> i.dossierId().toString())).doesNotContain(past);

        // Even a hundred years on, an open dossier is never listed (the closed one is, then).
        Instant far = Instant.parse("2140-01-01T00:00:00Z");
        assertThat(retention.dryRun(far, "quantri").items().stream().map(i -> i.dossierId().toString()))
                .contains(notPast).doesNotContain(open);

        // The log is append-only.
        assertThatThrownBy(() -> jdbc.sql("update privacy_retention_run set dossiers = 0 where id = ?")
                .param(run.id()).update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from privacy_retention_item where run_id = ?")
                .param(run.id()).update()).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void theApiIsForAdministratorsAndShowsTheLastRuns() {
        var dry = http.postJson("quantri", "demo", "/api/v1/privacy/retention/dry-run", Map.of());
        assertThat(dry.status()).as(dry.body()).isEqualTo(201);
        String id = dry.json().get("id").asString();
        assertThat(http.getAs("quantri", "demo", "/api/v1/privacy/retention/runs").json().findValuesAsString("id"))
                .contains(id);
        assertThat(http.getAs("kiemtra", "demo", "/api/v1/privacy/retention/runs/" + id).status()).isEqualTo(200);
        assertThat(http.postJson("kiemtra", "demo", "/api/v1/privacy/retention/dry-run", Map.of()).status()).isEqualTo(403);
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/privacy/retention/runs/" + id + "/execute", Map.of())
                .status()).isEqualTo(403);
        assertThat(http.postJson("quantri", "demo", "/api/v1/privacy/retention/runs/" + UUID.randomUUID() + "/execute",
                Map.of()).status()).isEqualTo(404);
        var rules = http.getAs("kiemtra", "demo", "/api/v1/privacy/retention/rules");
        assertThat(rules.json().findValuesAsString("procedureCode")).contains("*", DossierFixtures.BIRTH);
    }

    @Test
    void everyPersonalColumnOfTheCitizensDossierDataIsEitherClearedOrKeptForAStatedReason() {
        // not the dossier's data: the account, drafts, questions, the store, the requests themselves
        RetentionFixture.everyColumnClearedOrKept(Register.load(json), t -> t.table().equals("dossier")
                || t.subject() != null && t.subject().contains("from dossier"), owner.columns());
    }

    @Test
    void retentionsOwnSqlNamesOnlyPrivacysTables() throws java.io.IOException {
        // The dossiers', questions', notices' and readings' tables are reached through their owners' ports.
        assertThat(tablesNamedIn("internal/Retention.java", "internal/RetentionStore.java"))
                .contains("privacy_retention_run").allMatch(t -> t.startsWith("privacy_"));
    }

    @Test
    void theRequestsAndTheAccessLogApiAskTheDossierModuleWhoseDossiersAreWhose() throws java.io.IOException {
        // Who submitted a dossier and which dossiers an account holds: RetainedDossiers (the dossier module's SQL).
        assertThat(tablesNamedIn("internal/RequestStore.java", "web/PrivacyApi.java"))
                .contains("privacy_request").noneMatch(t -> t.startsWith("dossier"));
    }

    /** The tables of this database that a privacy source file names after from, update, into or join. */
    private List<String> tablesNamedIn(String... files) throws java.io.IOException {
        Set<String> allTables = Set.copyOf(jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema()")
                .query(String.class).list());
        List<String> named = new java.util.ArrayList<>();
        for (String file : files) {
            String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/vn/motcua/privacy", file));
            java.util.regex.Pattern.compile("(?i)\\b(?:from|update|into|join)\\s+([a-z_]+)").matcher(source).results()
                    .map(m -> m.group(1)).filter(allTables::contains).forEach(named::add);
        }
        return named;
    }
}
