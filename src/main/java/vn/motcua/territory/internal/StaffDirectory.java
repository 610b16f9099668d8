package vn.motcua.territory.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;

/**
 * Posts and officers as of a date, from the database; the answers of {@link Staff} are kept in the {@link StaffCache}
 * (cleared by every territory write that can change them).
 */
@Service
public class StaffDirectory implements Staff {

    private record PostsOf(String username, LocalDate asOf) {
    }

    private record PostsOfOfficer(UUID officerId, LocalDate asOf) {
    }

    private record Holders(String agencyCode, PostRole role, LocalDate asOf) {
    }

    static final String SELECT = """
            select p.id as post_id, p.code as post_code, p.title, p.role, p.field,
                   a.id, a.code, a.name, a.level, a.kind, a.sector, a.unit_id, u.code as unit_code,
                   a.valid_from, a.valid_to,
                   o.id as officer_id, o.full_name, o.username, h.valid_from as h_from, h.valid_to as h_to
            from territory_post_holding h
            join territory_post p on p.id = h.post_id
            join territory_officer o on o.id = h.officer_id
            join territory_agency a on a.id = p.agency_id
            join territory_unit u on u.id = a.unit_id
            where h.valid_from <= :d and (h.valid_to is null or h.valid_to > :d)
            """;

    private final JdbcClient jdbc;
    private final StaffCache cache;

    public StaffDirectory(JdbcClient jdbc, StaffCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Override
    public List<PostHolding> postsOf(String username, LocalDate asOf) {
        return cache.get(new PostsOf(username, asOf), () -> jdbc.sql(SELECT + " and o.username = :u order by a.code, p.code")
                .param("d", asOf).param("u", username).query(StaffDirectory::holding).list());
    }

    @Override
    public List<PostHolding> postsOfOfficer(UUID officerId, LocalDate asOf) {
        return cache.get(new PostsOfOfficer(officerId, asOf), () -> jdbc.sql(SELECT + " and o.id = :o order by a.code, p.code")
                .param("d", asOf).param("o", officerId).query(StaffDirectory::holding).list());
    }

    @Override
    public List<PostHolding> holders(String agencyCode, PostRole role, LocalDate asOf) {
        return cache.get(new Holders(agencyCode, role, asOf), () -> jdbc.sql(SELECT
                        + " and a.code = :a and p.role = :r order by p.code, o.full_name")
                .param("d", asOf).param("a", agencyCode).param("r", role.name()).query(StaffDirectory::holding).list());
    }

    /** Every holding in the agency on that date (for the unit page). */
    public List<PostHolding> staffOf(String agencyCode, LocalDate asOf) {
        return jdbc.sql(SELECT + " and a.code = :a order by p.role, p.code")
                .param("d", asOf).param("a", agencyCode).query(StaffDirectory::holding).list();
    }

    static PostHolding holding(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Agency agency = new Agency(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                AgencyLevel.valueOf(rs.getString("level")), AgencyKind.valueOf(rs.getString("kind")),
                rs.getString("sector"), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
        return new PostHolding(rs.getObject("post_id", UUID.class), rs.getString("post_code"), rs.getString("title"),
                PostRole.valueOf(rs.getString("role")), rs.getString("field"), agency,
                rs.getObject("officer_id", UUID.class), rs.getString("full_name"), rs.getString("username"),
                rs.getObject("h_from", LocalDate.class), rs.getObject("h_to", LocalDate.class));
    }
}
