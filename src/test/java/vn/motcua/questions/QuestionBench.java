package vn.motcua.questions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Issue 22's targets: submitting a question ≤ 50 ms p95 (over HTTP, signed in: routing, limits, the repeated-question
 * look-up against every published answer, the insert and its event), and the public answers search ≤ 20 ms p95 over
 * 100,000 published answers (generated: seeded random texts from a Vietnamese vocabulary of ~200 words; searches of
 * one to three words, with and without diacritics). Prints figures, asserts nothing. Run:
 * {@code ./mvnw -Pbench test -Dtest=QuestionBench} (optionally {@code -Dquestions.bench.answers=20000},
 * {@code -Dquestions.bench.requests=500}). The generated rows are removed at the end.
 */
@IntegrationTest
class QuestionBench {

    static final String[] WORDS = ("đăng ký khai sinh kết hôn khai tử chứng thực bản sao hộ tịch thường trú tạm trú "
            + "căn cước giấy phép xây dựng kinh doanh hộ gia đình đất đai quyền sử dụng sổ đỏ trợ cấp bảo trợ xã hội "
            + "người cao tuổi khuyết tật học sinh trường học y tế bảo hiểm lệ phí phí thời hạn hồ sơ trực tuyến cổng dịch vụ "
            + "công ủy ban nhân dân phường xã thành phố tỉnh công an tư pháp cấp lại trích lục giấy tờ nộp nhận kết quả "
            + "bưu chính chữ ký số thanh toán điện tử tiếng ồn vỉa hè lấn chiếm rác thải môi trường đèn đường ngập nước "
            + "đường sá cầu cống cây xanh an ninh trật tự nhà văn hóa chợ giá điện nước sinh hoạt thuế mặn hạn hán "
            + "nông nghiệp đất ở giải phóng mặt bằng bồi thường tái định cư quy hoạch sửa chữa nhà nuôi con nuôi giám hộ "
            + "xác nhận tình trạng hôn nhân cha mẹ con quốc tịch hộ chiếu lao động việc làm thất nghiệp").split(" ");

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void submitAndSearch() {
        int answers = Integer.getInteger("questions.bench.answers", 100_000);
        int requests = Integer.getInteger("questions.bench.requests", 500);
        referenceData.ensureAll();
        String tag = "PAKN-B" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Random r = new Random(22);
        long t0 = System.nanoTime();
        Instant base = Instant.parse("2025-01-01T02:00:00Z");
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            String subject = sentence(r, 4 + r.nextInt(5));
            String question = sentence(r, 20 + r.nextInt(40));
            String answer = sentence(r, 30 + r.nextInt(60));
            Timestamp at = Timestamp.from(base.plusSeconds(600L * i));
            batch.add(new Object[]{UUID.randomUUID(), tag + "-" + i, subject, question, "26740", "UBND-26740",
                    "Ủy ban nhân dân Phường Sài Gòn", "PUBLISHED", at, at, at, at, answer, at, subject, question, answer,
                    VietnameseText.fold(subject + " " + question + " " + answer)});
            if (batch.size() == 5_000 || i == answers - 1) {
                jdbc.batchUpdate("""
                        insert into question (id, code, subject, body, place_code, agency_code, agency_name, state,
                          received_at, clock_from, answer_due_at, answered_at, answer, published_at, public_subject,
                          public_question, public_answer, public_fold)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, batch);
                batch.clear();
            }
        }
        jdbc.execute("analyze question");
        System.out.printf("QuestionBench: %,d published answers generated in %.1f s%n", answers, (System.nanoTime() - t0) / 1e9);
        Http http = new Http(port);
        List<UUID> submitted = new ArrayList<>();
        try {
            // Submission, signed in as the demo citizen (anonymous questions are throttled per address).
            long[] submit = new long[requests];
            for (int i = -50; i < requests; i++) {
                Map<String, Object> body = new HashMap<>();
                body.put("subject", sentence(r, 6));
                body.put("text", sentence(r, 40));
                body.put("place", Map.of("unitCode", "26740"));
                long s = System.nanoTime();
                Http.Response resp = http.postJson("congdan", "demo", "/api/v1/questions", body);
                long ns = System.nanoTime() - s;
                if (resp.status() != 201) {
                    throw new IllegalStateException(resp.body());
                }
                submitted.add(UUID.fromString(resp.json().get("id").asString()));
                if (i >= 0) {
                    submit[i] = ns;
                }
            }
            print("submit a question (HTTP, signed in)", submit, 50);
            // Search: 1–3 words, half typed without diacritics.
            long[] search = new long[requests];
            for (int i = -50; i < requests; i++) {
                int n = 1 + r.nextInt(3);
                String q = sentence(r, n);
                if (r.nextBoolean()) {
                    q = VietnameseText.fold(q);
                }
                long s = System.nanoTime();
                Http.Response resp = http.get("/api/v1/questions/public?q=" + java.net.URLEncoder.encode(q,
                        java.nio.charset.StandardCharsets.UTF_8));
                long ns = System.nanoTime() - s;
                if (resp.status() != 200) {
                    throw new IllegalStateException(resp.body());
                }
                if (i >= 0) {
                    search[i] = ns;
                }
            }
            print("public answers search over " + answers + " answers (HTTP)", search, 20);
        } finally {
            for (UUID id : submitted) {
                jdbc.update("delete from question_event where question_id = ?", id);
                jdbc.update("delete from question where id = ?", id);
            }
            jdbc.update("delete from question where code like ?", tag + "%");
        }
    }

    private static String sentence(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static void print(String what, long[] ns, int targetMs) {
        long[] s = ns.clone();
        Arrays.sort(s);
        double p50 = s[s.length / 2] / 1e6;
        double p95 = s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6;
        double max = s[s.length - 1] / 1e6;
        System.out.printf("QuestionBench: %s: n=%d p50 %.1f ms, p95 %.1f ms (target %d ms %s), max %.1f ms%n", what,
                s.length, p50, p95, targetMs, p95 <= targetMs ? "met" : "NOT met", max);
    }
}
