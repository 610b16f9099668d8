package vn.motcua.privacy;

import vn.motcua.platform.time.VietnamTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The access log: one row each time an officer, administrator or auditor opens a dossier's personal data or one of
 * its documents. Written in the request that shows the data (an insert of one row), never changed (a trigger refuses
 * UPDATE and DELETE) and hash-chained per day by the audit module.
 */
@Service("accessLog")
public class AccessLog {

    static final ZoneId VN = VietnamTime.ZONE;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who opened the data, as they were then. */
    public record Viewer(String username, String displayName, String agencyCode, String post) {
    }

    /**
     * A row of the log.
     *
     * @param what    DOSSIER (its page or API answer), SLIP, FORM, RESULT, ATTACHMENT
     * @param purpose the page or API call the viewer was on, e.g. {@code GET /workbench/processing/{id}}
     */
    public record Entry(long id, Instant at, UUID dossierId, String username, String who, String agency, String post,
                       String what, String purpose) {
    }

    public void viewed(UUID dossierId, Viewer viewer, String what, String purpose) {
        viewed(dossierId, viewer, what, purpose, null);
    }

    /**
     * A row for a page that loads panels of the same dossier afterwards: {@code viewId} (random) goes to the panels,
     * which are then part of this view ({@link #partOfView}) and not logged again.
     */
    public void viewed(UUID dossierId, Viewer viewer, String what, String purpose, UUID viewId) {
        jdbc.sql("""
                        insert into access_log(at, dossier_id, who, who_name, agency, post, what, purpose, view_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Timestamp.from(clock.instant()), dossierId, viewer.username(), viewer.displayName(),
                        viewer.agencyCode(), viewer.post(), what, purpose, viewId)
                .update();
    }

    /** How long after its page a panel still counts as part of the page's view (a page left open, then reloaded: new row). */
    static final java.time.Duration VIEW_SPAN = java.time.Duration.ofMinutes(30);

    /**
     * Whether the view {@code viewId} was logged for this user and dossier in the last {@link #VIEW_SPAN}: a panel of
     * that page, already in the log. False for an unknown, someone else's or another dossier's view id.
     */
    public boolean partOfView(UUID viewId, String username, UUID dossierId) {
        if (viewId == null) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from access_log where view_id = ? and who = ? and dossier_id = ? and at > ?)")
                .params(viewId, username, dossierId, Timestamp.from(clock.instant().minus(VIEW_SPAN)))
                .query(Boolean.class).single();
    }

    /** Everything logged for one dossier, newest first. */
    public List<Entry> ofDossier(UUID dossierId) {
        return search(null, dossierId, null, null, 1000);
    }

    /** Search for auditors: by officer (username), dossier and days (Vietnam dates, both included); newest first. */
    public List<Entry> search(String officer, UUID dossierId, LocalDate from, LocalDate to, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, at, dossier_id, who, coalesce(who_name, who), agency, post, what, purpose
                from access_log where true""");
        List<Object> params = new ArrayList<>();
        if (officer != null && !officer.isBlank()) {
            sql.append(" and who = ?");
            params.add(officer.strip());
        }
        if (dossierId != null) {
            sql.append(" and dossier_id = ?");
            params.add(dossierId);
        }
        if (from != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(from.atStartOfDay(VN).toInstant()));
        }
        if (to != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(to.plusDays(1).atStartOfDay(VN).toInstant()));
        }
        sql.append(" order by at desc, id desc limit ").append(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }
}
