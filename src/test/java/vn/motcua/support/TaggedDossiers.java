package vn.motcua.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;

/**
 * Dossiers a test writes straight into the tables (birth registrations held by {@link #AGENCY}) whose applicant's
 * name carries a tag of the test's own, so its lists can be searched by the tag and {@link #removeAll()} takes them
 * away again, with their steps — not their history: it is hash-chained and sealed, and a deleted row would break
 * today's chain for every test verifying it.
 */
public final class TaggedDossiers {

    /** UBND phường Sài Gòn, where the demo officers work. */
    public static final String AGENCY = "UBND-26740";

    /** In every applicant's name: a prefix and six random digits. */
    public final String tag;
    private final JdbcClient jdbc;
    private final DossierBulk bulk;
    /** Codes given so far: each dossier's own within the test. */
    private int made;

    public TaggedDossiers(JdbcClient jdbc, DossierBulk bulk, String prefix) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.tag = prefix + ThreadLocalRandom.current().nextInt(100_000, 900_000);
    }

    /** A birth registration of the Sài Gòn ward; {@code applicantName} should contain {@link #tag}. */
    public static DossierBulk.NewDossier birth(UUID id, String code, DossierState state, String applicantName,
                                               Instant received, Instant due) {
        return new DossierBulk.NewDossier(id, code, "1.001193", "Đăng ký khai sinh", state, applicantName,
                "0912345678", null, "26740", "1 Lê Lợi", AGENCY, "UBND phường", received, due);
    }

    public void insert(List<DossierBulk.NewDossier> rows) {
        bulk.insert(rows);
    }

    /**
     * {@code n} birth registrations of {@code agency} ({@link #AGENCY} or a test's own) in {@code state}, received at
     * {@code received} and due five days later, in one statement: applicants "Trần Văn &lt;tag&gt; &lt;i&gt;", codes
     * {@code <agency>-<TAG>-<k>} unique within the test. Their ids, in order.
     */
    public List<UUID> births(String agency, DossierState state, int n, Instant received) {
        String agencyName = AGENCY.equals(agency) ? "UBND phường" : "Cơ quan thử";
        List<DossierBulk.NewDossier> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new DossierBulk.NewDossier(UUID.randomUUID(), agency + "-" + tag.toUpperCase() + "-" + made++,
                    "1.001193", "Đăng ký khai sinh", state, "Trần Văn " + tag + " " + i, "0912345678", null, "26740",
                    "1 Lê Lợi", agency, agencyName, received, received.plus(Duration.ofDays(5))));
        }
        bulk.insert(rows);
        return rows.stream().map(DossierBulk.NewDossier::id).toList();
    }

    /** A step of {@link #AGENCY} (step order {@code seq + 1}); finished ones are DONE. */
    public void step(UUID dossier, int seq, String code, String name, String role, Instant opened, Instant due,
                     Instant finished) {
        jdbc.sql("""
                        insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, opened_at, due_at,
                            finished_at, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossier, seq, seq + 1, code, name, role, AGENCY, Timestamp.from(opened),
                        due == null ? null : Timestamp.from(due), finished == null ? null : Timestamp.from(finished),
                        finished == null ? null : "DONE")
                .update();
    }

    /** The tagged dossiers and their steps (for {@code @AfterEach}). */
    public void removeAll() {
        String like = "%" + tag + "%";
        jdbc.sql("delete from dossier_step where dossier_id in (select id from dossier where applicant_name like ?)")
                .param(like).update();
        jdbc.sql("delete from dossier where applicant_name like ?").param(like).update();
    }
}
