package vn.motcua.questions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.questions.internal.RepeatKeyBackfill;
import vn.motcua.questions.internal.RepeatKeys;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Issue 22's targets: submitting a question ≤ 50 ms p95 (over HTTP, signed in: routing, limits, the repeated-question
 * look-up, the insert and its event), and the public answers search ≤ 20 ms p95 over 100,000 published answers.
 * The answers are generated in one SQL statement ({@code generate_series}, seeded): a subject and place, two to six
 * sentences of a question (some with a file number and date) and two to five of an answer, drawn from
 * {@code bench/question-texts.txt}; their repeat keys are then filled by the start-up backfill. Searches are one to
 * three words of those texts, half typed without diacritics. Prints the figures and the query plans; asserts nothing
 * but that a copy of a published question (another phone number) is linked to it. Run:
 * {@code ./mvnw -Pbench test -Dtest=QuestionBench} (optionally {@code -Dquestions.bench.answers=20000},
 * {@code -Dquestions.bench.requests=500}). The generated rows are removed at the end.
 */
@IntegrationTest
class QuestionBench {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepeatKeyBackfill backfill;

    @Test
    void submitAndSearch() throws IOException {
        int answers = Integer.getInteger("questions.bench.answers", 100_000);
        int requests = Integer.getInteger("questions.bench.requests", 500);
        referenceData.ensureAll();
        Map<String, List<String>> texts = texts();
        String tag = "PAKN-B" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        long t0 = System.nanoTime();
        generate(tag, answers, texts);
        long t1 = System.nanoTime();
        int keyed = backfill.fill();
        jdbc.execute("analyze question");
        jdbc.execute("analyze question_repeat_key");
        System.out.printf("QuestionBench: %,d published answers generated in %.1f s, their repeat keys (%,d) in %.1f s%n",
                answers, (t1 - t0) / 1e9, keyed, (System.nanoTime() - t1) / 1e9);
        Http http = new Http(port);
        List<UUID> submitted = new ArrayList<>();
        Random r = new Random(22);
        try {
            // A copy of a published question, with a phone number, is linked to it.
            Map<String, Object> copy = jdbc.queryForMap("select code, public_subject, public_question from question "
                    + "where code = ?", tag + "-" + (answers / 2));
            Map<String, Object> again = new HashMap<>(Map.of("subject", copy.get("public_subject"),
                    "text", copy.get("public_question") + " Gọi tôi: 0912 345 678.", "place", Map.of("unitCode", "26740")));
            Http.Response repeat = http.postJson("congdan", "demo", "/api/v1/questions", again);
            submitted.add(UUID.fromString(repeat.json().get("id").asString()));
            String linked = repeat.json().get("earlierAnswer").isNull() ? null : repeat.json().get("earlierAnswer").asString();
            System.out.printf("QuestionBench: a copy of %s is linked to %s%n", copy.get("code"), linked);
            explain("repeat look-up, a copy of a published question", RepeatKeys.of(again.get("subject") + "\n"
                    + copy.get("public_question")));
            explain("repeat look-up, a new question", RepeatKeys.of(question(r, texts)));
            // Submission, signed in as the demo citizen (anonymous questions are throttled per address).
            long[] submit = new long[requests];
            for (int i = -50; i < requests; i++) {
                Map<String, Object> body = new HashMap<>();
                body.put("subject", pick(r, texts.get("S")) + " tại " + pick(r, texts.get("P")));
                body.put("text", question(r, texts));
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
            // Search: 1–3 consecutive words of the generated texts (the mix), then each query shape on its own, so the
            // slowest shape shows; half of the queries typed without diacritics.
            Map<String, Supplier<String>> shapes = new LinkedHashMap<>();
            shapes.put("mix: 1-3 consecutive words", () -> words(r, texts, 1 + r.nextInt(3)));
            shapes.put("common word(s)", () -> pick(r, COMMON));
            shapes.put("rare word (a file number)", () -> String.valueOf(10000 + r.nextInt(89999)));
            shapes.put("two common words rarely together", () -> rarelyTogether(r, texts));
            shapes.put("one-letter word (alone or with a common one)", () -> r.nextBoolean() ? "ở" : "ở " + pick(r, COMMON));
            shapes.put("no match", () -> "qzx" + (char) ('a' + r.nextInt(26)) + "wv");
            LongStream all = LongStream.empty();
            for (var shape : shapes.entrySet()) {
                long[] search = search(http, r, shape.getValue(), shape.getKey().startsWith("mix") ? requests
                        : Math.max(50, requests / 2));
                print("public answers search over " + answers + " answers (HTTP), " + shape.getKey(), search, 20);
                all = LongStream.concat(all, LongStream.of(search));
            }
            print("public answers search over " + answers + " answers (HTTP), every shape", all.toArray(), 20);
            for (String q : List.of("khai sinh", "54321", "karaoke phuong", "o", "xyzabc")) {
                explainSearch(q);
            }
        } finally {
            jdbc.update("delete from question_repeat_key where question_id in (select id from question where code like ?)",
                    tag + "%");
            for (UUID id : submitted) {
                jdbc.update("delete from question_event where question_id = ?", id);
                jdbc.update("delete from question where id = ?", id);
            }
            jdbc.update("delete from question where code like ?", tag + "%");
        }
    }

    /** One statement: every row's texts drawn (seeded) from the pools, raw and folded alike. */
    private void generate(String tag, int answers, Map<String, List<String>> texts) {
        jdbc.execute((ConnectionCallback<Object>) c -> {
            try (var seed = c.createStatement()) {
                seed.execute("select setseed(0.22)");
            }
            try (var insert = c.prepareStatement("""
                    with v as (select ?::text as tag, ?::int as n, ?::timestamptz as base, ?::text[] as s,
                      ?::text[] as sf, ?::text[] as q, ?::text[] as qf, ?::text[] as a, ?::text[] as af, ?::text[] as p,
                      ?::text[] as pf)
                    insert into question (id, code, subject, body, place_code, agency_code, agency_name, state, received_at, clock_from,
                      answer_due_at, answered_at, answer, published_at, public_subject, public_question, public_answer, public_fold)
                    select gen_random_uuid(), v.tag || '-' || g.i, t.subject, t.question, '26740', 'UBND-26740',
                      'Ủy ban nhân dân Phường Sài Gòn', 'PUBLISHED', t.ts, t.ts, t.ts, t.ts, t.answer, t.ts, t.subject, t.question,
                      t.answer, t.subject_f || ' ' || t.question_f || ' ' || t.answer_f
                    from v cross join generate_series(1, v.n) g(i)
                    cross join lateral (select 1 + floor(random() * cardinality(v.s))::int + 0 * g.i si,
                        1 + floor(random() * cardinality(v.p))::int pi,
                        array(select 1 + floor(random() * cardinality(v.q))::int from generate_series(1, 2 + (g.i * 7) % 5)) qi,
                        array(select 1 + floor(random() * cardinality(v.a))::int from generate_series(1, 2 + (g.i * 3) % 4)) ai,
                        10000 + floor(random() * 89999)::int num) r
                    cross join lateral (select v.s[r.si] || ' tại ' || v.p[r.pi] subject, v.sf[r.si] || ' tai ' || v.pf[r.pi] subject_f,
                        array_to_string(array(select v.q[j] from unnest(r.qi) j), ' ')
                          || case when g.i % 2 = 0 then ' Hồ sơ số ' || r.num || ' nộp ngày ' || (1 + g.i % 28) || '/' || (1 + g.i % 12) || '/2025.' else '' end question,
                        array_to_string(array(select v.qf[j] from unnest(r.qi) j), ' ')
                          || case when g.i % 2 = 0 then ' ho so so ' || r.num || ' nop ngay ' || (1 + g.i % 28) || ' ' || (1 + g.i % 12) || ' 2025' else '' end question_f,
                        array_to_string(array(select v.a[j] from unnest(r.ai) j), ' ') answer,
                        array_to_string(array(select v.af[j] from unnest(r.ai) j), ' ') answer_f,
                        v.base + make_interval(mins => 5 * g.i) ts) t
                    """)) {
                insert.setString(1, tag);
                insert.setInt(2, answers);
                insert.setTimestamp(3, Timestamp.from(Instant.parse("2025-01-01T02:00:00Z")));
                int i = 4;
                for (String kind : List.of("S", "Q", "A", "P")) {
                    List<String> raw = texts.get(kind);
                    insert.setArray(i++, c.createArrayOf("text", raw.toArray()));
                    insert.setArray(i++, c.createArrayOf("text", raw.stream().map(VietnameseText::fold).toArray()));
                }
                insert.executeUpdate();
            }
            return null;
        });
    }

    private void explain(String what, long[] keys) {
        StringBuilder array = new StringBuilder("{");
        for (long k : keys) {
            array.append(array.length() == 1 ? "" : ",").append(k);
        }
        plan(what, """
                explain (analyze, buffers) select q.code, q.public_subject from (
                  select k.question_id, count(*) as shared, max(k.published_at) as published_at
                  from unnest(cast(? as bigint[])) as probe(key)
                  cross join lateral (select r.question_id, r.published_at from question_repeat_key r
                                      where r.key = probe.key order by r.published_at desc limit 20) k
                  group by k.question_id having count(*) >= 4) m
                join question q on q.id = m.question_id and q.state = 'PUBLISHED'
                order by m.shared desc, m.published_at desc limit 1""", array.append('}').toString());
    }

    /**
     * The plans of the statements {@code PublishedSearchStore} runs for {@code words} (its SQL, with the words in
     * place of the parameters): the one pass over the newest 2,000 answers; the whole-table page and capped count, which
     * run only when that pass does not fill the page.
     */
    private void explainSearch(String words) {
        List<String> terms = Arrays.stream(words.split(" ")).sorted((a, b) -> b.length() - a.length()).toList();
        StringBuilder hit = new StringBuilder("true");
        StringBuilder where = new StringBuilder("where state = 'PUBLISHED'");
        for (String t : terms) {
            hit.append(" and strpos(public_fold, '").append(t).append("') > 0");
            where.append(t.length() >= 3 ? " and public_fold like '%" + t + "%'" : " and strpos(public_fold, '" + t + "') > 0");
        }
        plan("search's pass over the newest 2,000, q=" + words, "explain (analyze, buffers) select id, hit, n from ("
                + "select id, " + hit + " as hit, row_number() over (order by published_at desc, code) as n from ("
                + "select id, published_at, code, public_fold from question where state = 'PUBLISHED' "
                + "order by published_at desc, code limit 2000) recent) r where hit or n = 2000 limit 201");
        plan("search's whole-table page (run when the pass does not fill it), q=" + words,
                "explain (analyze, buffers) select * from question " + where
                        + " order by published_at desc, code limit 20 offset 0");
        plan("search's whole-table capped count (run when that page is full), q=" + words,
                "explain (analyze, buffers) select count(*) from (select 1 from question " + where + " limit 201) capped");
    }

    /** Words found in tens of thousands of the generated answers. */
    private static final List<String> COMMON = List.of("khai sinh", "hồ sơ", "giấy", "phường", "ủy ban nhân dân",
            "ho so cua", "thu tuc", "đăng ký");

    /** The longest word of one subject and of another: each common, together rare. */
    private static String rarelyTogether(Random r, Map<String, List<String>> texts) {
        List<String> subjects = texts.get("S");
        int a = r.nextInt(subjects.size());
        int b = (a + 1 + r.nextInt(subjects.size() - 1)) % subjects.size();
        return longest(subjects.get(a)) + " " + longest(subjects.get(b));
    }

    private static String longest(String text) {
        return Arrays.stream(text.split(" ")).max((x, y) -> x.length() - y.length()).orElseThrow();
    }

    /** {@code n} searches (after 50 unmeasured ones), half of the queries typed without diacritics; their times. */
    private static long[] search(Http http, Random r, Supplier<String> query, int n) {
        long[] ns = new long[n];
        for (int i = -50; i < n; i++) {
            String q = query.get();
            if (r.nextBoolean()) {
                q = VietnameseText.fold(q);
            }
            long s = System.nanoTime();
            Http.Response resp = http.get("/api/v1/questions/public?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            long t = System.nanoTime() - s;
            if (resp.status() != 200) {
                throw new IllegalStateException(resp.body());
            }
            if (i >= 0) {
                ns[i] = t;
            }
        }
        return ns;
    }

    private void plan(String what, String sql, Object... args) {
        System.out.println("QuestionBench: plan of the " + what + ":");
        jdbc.queryForList(sql, String.class, args).forEach(line -> System.out.println("    " + line));
    }

    private static Map<String, List<String>> texts() throws IOException {
        Map<String, List<String>> texts = new HashMap<>();
        try (InputStream in = QuestionBench.class.getResourceAsStream("/bench/question-texts.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    texts.computeIfAbsent(line.substring(0, 1), k -> new ArrayList<>()).add(line.substring(2).strip());
                }
            }
        }
        return texts;
    }

    private static String question(Random r, Map<String, List<String>> texts) {
        StringBuilder b = new StringBuilder();
        for (int i = 2 + r.nextInt(5); i > 0; i--) {
            b.append(b.isEmpty() ? "" : " ").append(pick(r, texts.get("Q")));
        }
        return b.toString();
    }

    private static String words(Random r, Map<String, List<String>> texts, int n) {
        List<String> kinds = List.of("S", "Q", "A");
        String[] w = pick(r, texts.get(kinds.get(r.nextInt(3)))).replaceAll("[.,]", "").split(" ");
        int from = r.nextInt(Math.max(1, w.length - n));
        return String.join(" ", Arrays.copyOfRange(w, from, Math.min(w.length, from + n)));
    }

    private static String pick(Random r, List<String> list) {
        return list.get(r.nextInt(list.size()));
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
