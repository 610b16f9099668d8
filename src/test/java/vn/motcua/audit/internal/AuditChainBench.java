package vn.motcua.audit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.audit.Verification;
import vn.motcua.support.IntegrationTest;

/**
 * What the chain costs (issue 21 targets: ≤ 0.2 ms per event on the writer's path; verifying a day of a million events
 * ≤ 10 s). Writes {@code audit.bench.events} (default 200,000) events of one day set-based, as a reorganisation batch
 * does, into dossier_event and into a copy without the chain's column and index; then seals and verifies that day.
 * Run: {@code ./mvnw -Pbench test -Dtest=AuditChainBench -Daudit.bench.events=1000000}
 */
@IntegrationTest
class AuditChainBench {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChainSealer sealer;
    @Autowired
    ChainVerifier verifier;

    @Test
    void sealAndVerifyADay() {
        int n = Integer.getInteger("audit.bench.events", 200_000);
        LocalDate day = LocalDate.of(2039, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(300));
        String at = day.atTime(10, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime().toString();
        String insert = """
                insert into %s (dossier_id, seq, at, type, state_from, state_to, actor, actor_agency, reason, data)
                select gen_random_uuid(), 1, '%s'::timestamptz + (g * interval '1 ms'), 'TRANSFERRED', 'ACCEPTED', 'ACCEPTED',
                       'system', 'UBND-26740', 'Sắp xếp đơn vị hành chính', jsonb_build_object('rule', 'FULL', 'n', g)
                from generate_series(1, %d) g
                """;
        jdbc.sql("drop table if exists bench_event_plain").update();
        jdbc.sql("create table bench_event_plain (like dossier_event including defaults including indexes)").update();
        jdbc.sql("alter table bench_event_plain drop column audit_no").update();
        // Warm up both, then time both.
        jdbc.sql(insert.formatted("bench_event_plain", at, 10_000)).update();
        long t0 = System.nanoTime();
        jdbc.sql(insert.formatted("bench_event_plain", at, n)).update();
        long plain = System.nanoTime() - t0;
        t0 = System.nanoTime();
        jdbc.sql(insert.formatted("dossier_event", at, n)).update();
        long chained = System.nanoTime() - t0;
        jdbc.sql("drop table bench_event_plain").update();
        t0 = System.nanoTime();
        long sealed = sealer.sealAll();
        long seal = System.nanoTime() - t0;
        t0 = System.nanoTime();
        Verification v = verifier.verify(day, day);
        long verify = System.nanoTime() - t0;
        // where the verifier's time goes: PostgreSQL's plan and time for the whole day as one range (the digests and
        // the link -> row join, without sending the rows), against the verifier's wall time above
        var bounds = jdbc.sql("select min(source_no), max(source_no), max(pos) from audit_link where chain = ? and day = ?")
                .params(Chain.DOSSIER_EVENT.name(), day).query((rs, k) -> new long[]{rs.getLong(1), rs.getLong(2),
                        rs.getLong(3)}).single();
        List<String> plan = jdbc.sql("explain (analyze, buffers) " + ChainVerifier.rangeSql(Chain.DOSSIER_EVENT,
                        bounds[0], bounds[1])).params(Chain.DOSSIER_EVENT.name(), day, 1, (int) bounds[2])
                .query(String.class).list();
        System.out.println("\nverifier's query, the whole day as one range, in PostgreSQL:");
        plan.forEach(line -> System.out.println("  " + line));
        System.out.printf("%nAUDIT CHAIN BENCH, %,d events of one day%n"
                        + "  writer: insert set-based %.4f ms/event with the chain's number and index, %.4f ms/event without (+%.4f)%n"
                        + "  sealer: %,d rows linked in %,d ms (%.4f ms/event, off the writer's path)%n"
                        + "  verify: %,d rows in %,d ms (ok=%s) -> %.1f s per million%n%n",
                n, chained / 1e6 / n, plain / 1e6 / n, (chained - plain) / 1e6 / n, sealed, seal / 1_000_000,
                seal / 1e6 / Math.max(1, sealed), v.rows(), verify / 1_000_000, v.ok(), verify / 1e3 / Math.max(1, v.rows()));
    }
}
