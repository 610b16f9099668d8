package vn.motcua.territory.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.TerritoryAgencies;

/** {@link TerritoryAgencies}: one SQL statement per call, whatever the number of units or agencies. */
@Service
public class AgencyQueries implements TerritoryAgencies {

    private static final String AGENCY_COLS = "a.id, a.code, a.name, a.level, a.kind, a.sector, a.unit_id, u.code as unit_code, "
            + "a.valid_from, a.valid_to";

    private final JdbcTemplate jdbc;
    private final StaffCache staffCache;

    public AgencyQueries(JdbcTemplate jdbc, StaffCache staffCache) {
        this.jdbc = jdbc;
        this.staffCache = staffCache;
    }

    @Override
    public List<Agency> agenciesOf(Collection<String> unitCodes, LocalDate asOf) {
        return jdbc.query(c -> {
            var ps = c.prepareStatement("select " + AGENCY_COLS + " from territory_agency a join territory_unit u on u.id = a.unit_id "
                    + "where u.code = any (?) and a.valid_from <= ? and (a.valid_to is null or a.valid_to > ?) "
                    + "and u.valid_from <= ? and (u.valid_to is null or u.valid_to > ?) order by a.code");
            ps.setArray(1, c.createArrayOf("text", unitCodes.toArray()));
            for (int i = 2; i <= 5; i++) {
                ps.setDate(i, Date.valueOf(asOf));
            }
            return ps;
        }, (rs, n) -> agency(rs));
    }

    @Override
    public List<PostHolding> holdings(Collection<String> agencyCodes, LocalDate asOf) {
        return jdbc.query(c -> {
            var ps = c.prepareStatement(HOLDINGS + "and a.code = any (?) "
                    + "and a.valid_from <= ? and (a.valid_to is null or a.valid_to > ?) order by a.code, p.code");
            ps.setDate(1, Date.valueOf(asOf));
            ps.setDate(2, Date.valueOf(asOf));
            ps.setArray(3, c.createArrayOf("text", agencyCodes.toArray()));
            ps.setDate(4, Date.valueOf(asOf));
            ps.setDate(5, Date.valueOf(asOf));
            return ps;
        }, AgencyQueries::holding);
    }

    @Override
    public int deriveAgencies(Collection<String> unitCodes, LocalDate effective) {
        int created = jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    insert into territory_agency (id, code, name, level, kind, sector, unit_id, valid_from, valid_to)
                    select gen_random_uuid(), t.prefix || '-' || u.code, t.label || ' ' || u.full_name,
                           case when u.type in ('PROVINCE', 'MUNICIPALITY') then 'PROVINCE' else 'COMMUNE' end,
                           t.kind, t.sector, u.id, u.valid_from, u.valid_to
                    from territory_unit u
                    join (values ('UBND', 'Ủy ban nhân dân', 'PEOPLES_COMMITTEE', null, true),
                                 ('STP', 'Sở Tư pháp', 'DEPARTMENT', 'TU_PHAP', false),
                                 ('CA', 'Công an', 'POLICE', null, true),
                                 ('TTPV', 'Trung tâm Phục vụ hành chính công', 'SERVICE_CENTRE', null, true))
                         as t(prefix, label, kind, sector, commune)
                      on (u.type in ('PROVINCE', 'MUNICIPALITY') or t.commune)
                    where u.code = any (?) and u.valid_from = ? and u.type <> 'DISTRICT'
                      and not exists (select 1 from territory_agency a where a.unit_id = u.id and a.kind = t.kind)
                    on conflict (code, valid_from) do nothing
                    """);
            ps.setArray(1, c.createArrayOf("text", unitCodes.toArray()));
            ps.setDate(2, Date.valueOf(effective));
            return ps;
        });
        if (created > 0) {
            staffCache.changed();   // a new agency has no posts yet: cleared all the same, agencies are rare writes
        }
        return created;
    }

    @Override
    public List<PostHolding> holdingsOutsideValidAgencies(LocalDate asOf) {
        return jdbc.query(c -> {
            var ps = c.prepareStatement(HOLDINGS + "and not (a.valid_from <= ? and (a.valid_to is null or a.valid_to > ?) "
                    + "and p.valid_from <= ? and (p.valid_to is null or p.valid_to > ?)) order by a.code, p.code");
            for (int i = 1; i <= 6; i++) {
                ps.setDate(i, Date.valueOf(asOf));
            }
            return ps;
        }, AgencyQueries::holding);
    }

    @Override
    public List<AgencyVersion> versions(Collection<String> agencyCodes) {
        return jdbc.query(c -> {
            var ps = c.prepareStatement("select id, code, name, valid_from, valid_to, recorded_at from territory_agency "
                    + "where code = any (?) order by code, valid_from");
            ps.setArray(1, c.createArrayOf("text", agencyCodes.toArray()));
            return ps;
        }, (rs, n) -> new AgencyVersion(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getTimestamp(6).toInstant()));
    }

    @Override
    public java.util.Map<String, String> namesValidOn(LocalDate date) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        jdbc.query("select code, name from territory_agency where valid_from <= ? and (valid_to is null or valid_to > ?)",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getString(2)),
                Date.valueOf(date), Date.valueOf(date));
        return out;
    }

    /** Post holdings valid on a date (two parameters) with their post, officer and agency; the caller adds the rest. */
    private static final String HOLDINGS = "select p.id as post_id, p.code as post_code, p.title, p.role, p.field, "
            + AGENCY_COLS + ", o.id as officer_id, o.full_name, o.username, h.valid_from as h_from, h.valid_to as h_to "
            + "from territory_post_holding h join territory_post p on p.id = h.post_id "
            + "join territory_officer o on o.id = h.officer_id join territory_agency a on a.id = p.agency_id "
            + "join territory_unit u on u.id = a.unit_id where h.valid_from <= ? and (h.valid_to is null or h.valid_to > ?) ";

    private static PostHolding holding(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PostHolding(rs.getObject("post_id", UUID.class), rs.getString("post_code"), rs.getString("title"),
                PostRole.valueOf(rs.getString("role")), rs.getString("field"), agency(rs),
                rs.getObject("officer_id", UUID.class), rs.getString("full_name"), rs.getString("username"),
                rs.getObject("h_from", LocalDate.class), rs.getObject("h_to", LocalDate.class));
    }

    private static Agency agency(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Agency(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                AgencyLevel.valueOf(rs.getString("level")), AgencyKind.valueOf(rs.getString("kind")),
                rs.getString("sector"), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }
}
