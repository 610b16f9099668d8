package vn.motcua.audit.internal;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.HistoryAnonymisation;

/**
 * Anonymises a dossier's chained history and records the re-seal ({@code audit_reseal}, {@code audit_reseal_row}).
 * Holds the sealer's lock for the caller's transaction, so no row is sealed half-way; checks every sealed row against
 * its link before changing anything.
 */
@Component
class Reseals implements HistoryAnonymisation {

    private static final Chain C = Chain.DOSSIER_EVENT;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Reseals(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A sealed row of the dossier as it is now, with its link, its predecessor's hash and its latest re-seal. */
    private record Sealed(long number, LocalDate day, int pos, byte[] hash, byte[] previous, byte[] digest,
                          byte[] resealedFrom, byte[] resealedTo) {

        /** The digest the link covers, when the row is as sealed (or as last re-sealed); null when it is not. */
        byte[] chained() {
            if (resealedTo == null) {
                return digest;
            }
            return Arrays.equals(digest, resealedTo) ? resealedFrom : null;
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Resealed anonymiseDossierHistory(UUID dossierId, String citizenAccount, String reason, String reference,
                                            String by) {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, ChainSealer.LOCK);
        List<Sealed> before = sealed(dossierId);
        MessageDigest md = Hashes.sha256();
        for (Sealed s : before) {
            byte[] chained = s.chained();
            byte[] previous = s.previous() != null ? s.previous() : Hashes.genesis(C.name(), s.day());
            if (chained == null || !Arrays.equals(Hashes.link(md, previous, chained), s.hash())) {
                throw new IllegalStateException("The history of dossier " + dossierId + " does not match its seal (row "
                        + s.number() + " of " + s.day() + "): verify it before anonymising");
            }
        }
        int changed = jdbc.update("""
                        update dossier_event set reason = null, data = '{}'::jsonb,
                               actor = case when actor = ? then ? else actor end,
                               actor_name = case when actor = ? then ? else actor_name end
                        where dossier_id = ? and (reason is not null or data <> '{}'::jsonb or actor = ?)""",
                citizenAccount, "~anonymised", citizenAccount, ANONYMOUS, dossierId, citizenAccount);
        Map<Long, byte[]> after = new HashMap<>();
        for (Sealed s : sealed(dossierId)) {
            after.put(s.number(), s.digest());
        }
        List<Object[]> rows = before.stream().filter(s -> !Arrays.equals(after.get(s.number()), s.digest()))
                .map(s -> new Object[]{C.name(), s.number(), s.day(), s.pos(), s.chained(), after.get(s.number())})
                .toList();
        if (rows.isEmpty()) {
            return new Resealed(null, 0, changed);
        }
        Long id = jdbc.queryForObject("""
                        insert into audit_reseal (at, by_account, reason, reference, subject, row_count)
                        values (?, ?, ?, ?, ?, ?) returning id""", Long.class,
                Timestamp.from(clock.instant()), by, reason, reference, dossierId.toString(), rows.size());
        jdbc.batchUpdate("""
                insert into audit_reseal_row (reseal_id, chain, source_no, day, pos, sealed_digest, new_digest)
                values (?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(r -> new Object[]{id, r[0], r[1], r[2], r[3], r[4],
                r[5]}).toList());
        return new Resealed(id, rows.size(), changed);
    }

    private List<Sealed> sealed(UUID dossierId) {
        return jdbc.query("select t." + C.number() + ", l.day, l.pos, l.hash, p.hash, " + C.digest() + """
                        , r.sealed_digest, r.new_digest
                        from dossier_event t
                        join audit_link l on l.chain = ? and l.source_no = t.audit_no
                        left join audit_link p on p.chain = l.chain and p.day = l.day and p.pos = l.pos - 1
                        left join lateral (select sealed_digest, new_digest from audit_reseal_row x
                                           where x.chain = l.chain and x.source_no = l.source_no
                                           order by x.reseal_id desc limit 1) r on true
                        where t.dossier_id = ? order by t.audit_no""",
                (rs, n) -> new Sealed(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getBytes(4),
                        rs.getBytes(5), rs.getBytes(6), rs.getBytes(7), rs.getBytes(8)), C.name(), dossierId);
    }
}
