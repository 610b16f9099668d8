package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * The public search past its window of the newest 2,000 answers: 2,300 published answers are inserted (the newest in the
 * future, so they are the window), then each query shape is checked for its items and its count, exact or "at least".
 */
@IntegrationTest
class PublishedSearchTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    String tag;

    /**
     * Answer {@code i} (1 the oldest, 2,300 the newest): every one says "xyzchung"; one in ten "xyzmuoi"; "xyzcu" only
     * the 300 oldest (outside the window); "xyzhiem" and "qq" only answer 5 (outside); "xyzcap" answers 2,281–2,290
     * (a full page of 10 in the window) and 1–5 (outside).
     */
    private void insert(int n) {
        tag = "PAKN-S" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        jdbc.sql("""
                insert into question (id, code, subject, body, place_code, agency_code, agency_name, state, received_at,
                  clock_from, answer_due_at, answered_at, answer, published_at, public_subject, public_question,
                  public_answer, public_fold)
                select gen_random_uuid(), :tag || '-' || lpad(i::text, 4, '0'), 's', 'b', '26740', 'UBND-26740', 'UBND',
                  'PUBLISHED', t, t, t, t, 'a', t, 's', 'b', 'a',
                  'xyzchung' || case when i % 10 = 0 then ' xyzmuoi' else '' end
                    || case when i <= 300 then ' xyzcu' else '' end || case when i = 5 then ' xyzhiem qq' else '' end
                    || case when i between 2281 and 2290 or i <= 5 then ' xyzcap' else '' end
                from generate_series(1, :n) i, lateral (select timestamptz '2100-01-01' + make_interval(mins => i) t) ts
                """).param("tag", tag).param("n", n).update();
    }

    @AfterEach
    void remove() {
        jdbc.sql("delete from question where code like ?").param(tag + "%").update();
    }

    private JsonNode search(String q, int page, int size) {
        Http.Response r = new Http(port).get("/api/v1/questions/public?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&page=" + page + "&size=" + size);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> codes(JsonNode found) {
        List<String> codes = new ArrayList<>();
        found.get("items").forEach(i -> codes.add(i.get("code").asString()));
        return codes;
    }

    @Test
    void eachShapeGivesItsItemsAndAnExactOrLowerBoundCount() {
        insert(2300);
        // A common word: the newest first, counted up to 200 past the page ("at least 200").
        JsonNode common = search("xyzchung", 0, 20);
        assertThat(codes(common)).hasSize(20).first().isEqualTo(tag + "-2300");
        assertThat(codes(common).get(19)).isEqualTo(tag + "-2281");
        assertThat(common.get("total").asLong()).isEqualTo(200);
        assertThat(common.get("totalExact").asBoolean()).isFalse();
        // One in ten: 200 of them in the window, 230 in all; the window reaches the cap of page 0.
        JsonNode tenth = search("xyzmuoi", 1, 20);
        assertThat(codes(tenth)).first().isEqualTo(tag + "-2100");
        assertThat(tenth.get("total").asLong()).isEqualTo(200); // page 1: counted up to 20 + 200 = 220, 200 in the window
        assertThat(tenth.get("totalExact").asBoolean()).isFalse();
        // A page filled in the window but fewer matches there than the cap: the window's count, as a lower bound
        // (5 more are older).
        JsonNode capped = search("xyzcap", 0, 10);
        assertThat(codes(capped)).hasSize(10).first().isEqualTo(tag + "-2290");
        assertThat(capped.get("total").asLong()).isEqualTo(10);
        assertThat(capped.get("totalExact").asBoolean()).isFalse();
        // Found only outside the window: the trigram index finds them, newest first, and counts them up to the cap.
        JsonNode old = search("xyzcu xyzchung", 0, 20);
        assertThat(codes(old)).hasSize(20).first().isEqualTo(tag + "-0300");
        assertThat(old.get("total").asLong()).isEqualTo(200);
        assertThat(old.get("totalExact").asBoolean()).isFalse();
        JsonNode oldPage = search("xyzcu xyzchung", 2, 100);
        assertThat(codes(oldPage)).hasSize(100).first().isEqualTo(tag + "-0100");
        assertThat(codes(oldPage).get(99)).isEqualTo(tag + "-0001");
        assertThat(oldPage.get("total").asLong()).isEqualTo(300);
        assertThat(oldPage.get("totalExact").asBoolean()).isTrue();
        JsonNode rare = search("xyzhiem", 0, 20);
        assertThat(codes(rare)).containsExactly(tag + "-0005");
        assertThat(rare.get("total").asLong()).isEqualTo(1);
        assertThat(rare.get("totalExact").asBoolean()).isTrue();
        // A two-letter word with a rare one: the rare one through the index, the short one as a filter.
        assertThat(codes(search("qq xyzhiem", 0, 20))).containsExactly(tag + "-0005");
        // Only a two-letter word found nowhere in the window: the window is all that is read, the count a lower bound.
        JsonNode shortOnly = search("qq", 0, 20);
        assertThat(codes(shortOnly)).isEmpty();
        assertThat(shortOnly.get("totalExact").asBoolean()).isFalse();
        JsonNode none = search("xyzkhongco", 0, 20);
        assertThat(codes(none)).isEmpty();
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("totalExact").asBoolean()).isTrue();
    }
}
