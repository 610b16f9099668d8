package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.internal.LateWatch;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.support.TestClock;

/** Processing through the public API, from acceptance to the rated result, with the refusals. */
@IntegrationTest
class ProcessingApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    LateWatch lateWatch;
    Http http;

    @Autowired
    TestClock clock;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    String accepted() {
        return DossierFixtures.acceptedThroughApi(http);
    }

    int version(String id) {
        return dossier(id).get("version").asInt();
    }

    /** The dossier as its agency's reception officer reads it through the API (with its history). */
    JsonNode dossier(String id) {
        var r = http.getAs("tiepnhan", "demo", "/api/v1/dossiers/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The processing view (Form 06 rows, actions, result) as the leader reads it. */
    JsonNode processing(String id) {
        var r = http.getAs("lanhdao", "demo", "/api/v1/dossiers/" + id + "/processing");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The open step's due time, as the processing view (Form 06) shows it. */
    Instant openStepDue(String id) {
        var steps = http.getAs("lanhdao", "demo", "/api/v1/dossiers/" + id + "/processing").json().get("steps");
        var open = steps.get(steps.size() - 1);
        assertThat(open.get("finishedAt").isNull()).as("the last step is the open one").isTrue();
        return java.time.OffsetDateTime.parse(open.get("dueAt").asString()).toInstant();
    }

    Http.Response post(String user, String id, String action, Map<String, Object> body) {
        return http.postJson(user, "demo", "/api/v1/dossiers/" + id + "/" + action, body);
    }

    @Test
    void aDossierGoesFromAcceptanceThroughStepsSupplementAndApologyToARatedResult() throws Exception {
        String id = accepted();
        var view = http.getAs("chuyenvien", "demo", "/api/v1/dossiers/" + id + "/processing");
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        var steps = view.json().get("steps");
        assertThat(steps.get(0).get("step").asString()).isNotBlank();
        assertThat(steps.get(0).get("finishedAt").isNull()).isFalse();        // reception: done at acceptance
        assertThat(steps.get(1).get("finishedAt").isNull()).isTrue();         // appraisal: open, in the queue
        assertThat(view.json().get("actions").toString()).contains("CLAIM").doesNotContain("DECIDE");

        // The handling officer sees it in the queue of their agency and post, and claims it.
        var queue = http.getAs("chuyenvien", "demo", "/api/v1/dossiers/queue?filter=QUEUE");
        assertThat(queue.body()).contains(id);
        assertThat(http.getAs("lanhdao", "demo", "/api/v1/dossiers/queue?filter=QUEUE").body()).doesNotContain(id);
        assertThat(post("chuyenvien", id, "claim", Map.of("version", version(id))).status()).isEqualTo(200);
        assertThat(http.getAs("chuyenvien", "demo", "/api/v1/dossiers/queue?filter=MINE").body()).contains(id);

        // A supplement during appraisal: Form 02 again, the clock pauses; the applicant answers online.
        var req = post("chuyenvien", id, "processing-supplement-request", Map.of("version", version(id),
                "items", List.of(Map.of("document", "Giấy xác nhận cư trú", "reason", "Thiếu dấu")), "note", "Bổ sung"));
        assertThat(req.status()).as(req.body()).isEqualTo(200);
        assertThat(req.json().get("state").asString()).isEqualTo("PROCESSING_PAUSED");
        assertThat(jdbc.sql("select count(*) from dossier_pause where dossier_id = ? and resumed_at is null")
                .param(UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);
        var forwardWhilePaused = post("chuyenvien", id, "forward", Map.of());
        assertThat(forwardWhilePaused.status()).isEqualTo(409);
        var supply = post("congdan", id, "processing-supplement", Map.of("version", version(id),
                "attachments", List.of(Map.of("fileName", "cu-tru.pdf",
                        "contentBase64", Base64.getEncoder().encodeToString(DossierFixtures.PDF)))));
        assertThat(supply.status()).as(supply.body()).isEqualTo(200);
        assertThat(supply.json().get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select count(*) from dossier_pause where dossier_id = ? and resumed_at is not null")
                .param(UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);

        // The leader cannot do the handling officer's step; the handling officer hands it on.
        var wrongRole = post("lanhdao", id, "forward", Map.of());
        assertThat(wrongRole.status()).isEqualTo(403);
        var fwd = post("chuyenvien", id, "forward", Map.of("version", version(id), "note", "Đủ điều kiện"));
        assertThat(fwd.status()).as(fwd.body()).isEqualTo(200);

        // The leader's step outlives its quota: the clock moves just past the step's due time (still before the
        // dossier's appointment), the watch flags the step; an apology with a new date is issued.
        Instant stepDue = openStepDue(id);
        assertThat(lateWatch.watch(stepDue.minusSeconds(60)).ran()).isTrue();
        assertThat(jdbc.sql("select warning from dossier_step where dossier_id = ? and finished_at is null")
                .param(UUID.fromString(id)).query((rs, i) -> String.valueOf(rs.getString(1))).single()).as("not late yet")
                .isNotEqualTo("LATE");
        clock.moveTo(stepDue.plusSeconds(60));
        var run = lateWatch.watch(clock.instant());
        assertThat(run.ran()).isTrue();
        assertThat(jdbc.sql("select warning from dossier_step where dossier_id = ? and finished_at is null")
                .param(UUID.fromString(id)).query(String.class).single()).isEqualTo("LATE");
        String before = dossier(id).get("dueAt").asString();
        var ext = post("lanhdao", id, "extension", Map.of("version", version(id), "workingDays", 2,
                "reason", "Cần xác minh thêm với nơi đăng ký thường trú"));
        assertThat(ext.status()).as(ext.body()).isEqualTo(200);
        String after = dossier(id).get("dueAt").asString();
        assertThat(after).isNotEqualTo(before);
        assertThat(pdf("lanhdao", "/api/v1/dossiers/" + id + "/forms/04.pdf"))
                .contains("PHIẾU XIN LỖI").contains("Cần xác minh thêm");

        // The leader approves with a generated result; reception returns it; the citizen rates.
        var decide = post("lanhdao", id, "decision", Map.of("version", version(id), "outcome", "APPROVED",
                "summary", "Cấp Giấy khai sinh bản chính"));
        assertThat(decide.status()).as(decide.body()).isEqualTo(200);
        assertThat(decide.json().get("state").asString()).isEqualTo("RESULT_READY");
        var ret = post("tiepnhan", id, "result-return", Map.of("version", version(id), "delivery", "ONLINE"));
        assertThat(ret.status()).as(ret.body()).isEqualTo(200);
        assertThat(ret.json().get("state").asString()).isEqualTo("RETURNED");
        assertThat(ret.json().get("closedAt").isNull()).isFalse();
        assertThat(post("congdan", id, "rating", Map.of("rating", 6)).status()).isEqualTo(422);
        assertThat(post("congdan", id, "rating", Map.of("rating", 5, "comment", "Nhanh")).status()).isEqualTo(200);
        assertThat(post("congdan", id, "rating", Map.of("rating", 4)).status()).isEqualTo(409);

        String form06 = pdf("tiepnhan", "/api/v1/dossiers/" + id + "/forms/06.pdf");
        assertThat(form06).contains("PHIẾU KIỂM SOÁT").contains("Quá hạn").contains("Lê Văn Cường");
        List<String> types = new ArrayList<>();
        dossier(id).get("events").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsSubsequence("ACCEPTED", "CLAIMED", "PROCESSING_SUPPLEMENT_REQUESTED",
                "PROCESSING_SUPPLEMENTED", "FORWARDED", "EXTENDED", "DECIDED", "RESULT_RETURNED", "RATED");
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + id + "/result").status()).isEqualTo(200);
    }

    @Test
    void twoOfficersActingAtOnceGetOneSuccessAndOneChangedByMessage() throws Exception {
        String id = accepted();
        int v = version(id);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        results.add(pool.submit(() -> {
            go.await();
            return post("chuyenvien", id, "claim", Map.of("version", v));
        }));
        results.add(pool.submit(() -> {
            go.await();
            return post("lanhdao", id, "assign", Map.of("version", v, "assignee", "chuyenvien"));
        }));
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        String conflict = null;
        for (var f : results) {
            var r = f.get();
            statuses.add(r.status());
            if (r.status() == 409) {
                conflict = r.json().get("detail").asString();
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(conflict).containsAnyOf("Lê Văn Cường", "Phạm Thị Dung").contains("tải lại");
    }

    @Test
    void actionsNotAllowedInTheStateOrByTheRoleAreRefusedWithTheReason() throws Exception {
        String id = accepted();
        var decideTooEarly = post("chuyenvien", id, "decision", Map.of("outcome", "APPROVED", "summary", "x"));
        assertThat(decideTooEarly.status()).isEqualTo(409);
        var returnTooEarly = post("tiepnhan", id, "result-return", Map.of());
        assertThat(returnTooEarly.status()).isIn(403, 409);
        var citizen = post("congdan", id, "forward", Map.of());
        assertThat(citizen.status()).isEqualTo(403);
        var sendBack = post("chuyenvien", id, "send-back", Map.of("reason", "x"));
        assertThat(sendBack.status()).isEqualTo(409);
        var noReason = post("lanhdao", id, "stop", Map.of());
        assertThat(noReason.status()).isEqualTo(422);
        var stop = post("lanhdao", id, "stop", Map.of("version", version(id), "reason", "Người nộp rút hồ sơ"));
        assertThat(stop.status()).as(stop.body()).isEqualTo(200);
        assertThat(stop.json().get("state").asString()).isEqualTo("STOPPED");
        var afterStop = post("chuyenvien", id, "forward", Map.of());
        assertThat(afterStop.status()).isEqualTo(409);
        assertThat(afterStop.json().get("detail").asString()).contains("STOPPED");
        assertThat(pdf("lanhdao", "/api/v1/dossiers/" + id + "/forms/05.pdf"))
                .contains("Người nộp rút hồ sơ");
        var ext = post("lanhdao", id, "extension", Map.of("workingDays", 1, "reason", "x"));
        assertThat(ext.status()).isEqualTo(409);
    }

    @Test
    void sendBackTransferAndReassignmentAreRecordedAsHandOffs() {
        String id = accepted();
        assertThat(post("chuyenvien", id, "forward", Map.of()).status()).isEqualTo(200);
        var back = post("lanhdao", id, "send-back", Map.of("reason", "Cần kiểm tra lại tên cha"));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        String assignee = jdbc.sql("select assignee from dossier_step where dossier_id = ? and finished_at is null")
                .param(UUID.fromString(id)).query(String.class).single();
        assertThat(assignee).isEqualTo("chuyenvien");
        var reassign = post("lanhdao", id, "assign", Map.of("assignee", "tiepnhan"));
        assertThat(reassign.status()).isEqualTo(422); // tiepnhan holds no handling post
        var transfer = post("chuyenvien", id, "transfer", Map.of("agencyCode", "UBND-26743", "reason", "Liên thông"));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
        var steps = http.getAs("chuyenvien", "demo", "/api/v1/dossiers/" + id + "/processing").json().get("steps");
        var open = steps.get(steps.size() - 1);
        assertThat(open.get("finishedAt").isNull()).isTrue();
        assertThat(open.get("agency").asString()).isEqualTo("UBND-26743");
        // chuyenvien works in UBND-26740 only: the step is no longer theirs
        assertThat(post("chuyenvien", id, "forward", Map.of()).status()).isEqualTo(403);
        List<String> outcomes = new ArrayList<>();
        steps.forEach(r -> outcomes.add(r.get("outcome").isNull() ? null : r.get("outcome").asString()));
        assertThat(outcomes).containsExactly("DONE", "DONE", "SENT_BACK", "TRANSFERRED", null);
    }

    @Test
    void theRegisterListsTheAgencysDossiersAsJsonCsvAndXlsx() {
        String id = accepted();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String q = "/api/v1/dossiers/register?agency=UBND-26740&from=" + today + "&to=" + today;
        var json = http.getAs("lanhdao", "demo", q);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains(id);
        var csv = http.getAs("lanhdao", "demo", q + "&format=csv");
        assertThat(csv.body()).contains("Mã hồ sơ").contains("UBND-26740-");
        var xlsx = http.getAs("lanhdao", "demo", q + "&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertThat(http.getAs("lanhdao", "demo", "/api/v1/dossiers/register?agency=UBND-26743&from=" + today + "&to="
                + today).status()).isEqualTo(403);
        assertThat(http.getAs("lanhdao", "demo", q + "&format=doc").status()).isEqualTo(400);
        assertThat(http.getAs("lanhdao", "demo", "/api/v1/dossiers/register?agency=UBND-26740&from=2025-13-01&to="
                + today).status()).isEqualTo(400);
    }

    String pdf(String user, String path) throws Exception {
        byte[] body = http.sendBytes(http.request(path).GET().header("Authorization", Http.basic(user, "demo")).build());
        return text(body);
    }

    static String text(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
