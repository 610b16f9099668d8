package vn.motcua.territory.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.Post;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.StaffChanges;

/** {@link StaffChanges} on the territory tables; each call joins the caller's transaction if there is one. */
@Service
public class StaffChangeService implements StaffChanges {

    private static final String POST = """
            select p.id, p.code, p.title, p.role, p.field, a.code as agency_code, p.valid_from, p.valid_to
            from territory_post p join territory_agency a on a.id = p.agency_id
            where p.code = :c and p.valid_from <= :d and (p.valid_to is null or p.valid_to > :d)
            """;

    private final JdbcClient jdbc;
    private final StaffCache cache;

    StaffChangeService(JdbcClient jdbc, StaffCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Override
    public void refresh() {
        cache.changed();
    }

    @Override
    public Optional<Post> post(String postCode, LocalDate asOf) {
        return jdbc.sql(POST).param("c", postCode).param("d", asOf).query((rs, n) -> new Post(rs.getObject("id", UUID.class),
                rs.getString("code"), rs.getString("title"), PostRole.valueOf(rs.getString("role")), rs.getString("field"),
                rs.getString("agency_code"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class))).optional();
    }

    @Override
    @Transactional
    public Post openPost(String agencyCode, String postCode, String title, PostRole role, String field, LocalDate from) {
        if (postCode == null || postCode.isBlank() || title == null || title.isBlank() || role == null || from == null) {
            throw ApiException.badRequest("territory.staff.postIncomplete");
        }
        record AgencyRow(UUID id, LocalDate validTo) {
        }
        AgencyRow agency = jdbc.sql("""
                        select id, valid_to from territory_agency
                        where code = :c and valid_from <= :d and (valid_to is null or valid_to > :d)""")
                .param("c", agencyCode).param("d", from)
                .query((rs, n) -> new AgencyRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
                .optional().orElseThrow(() -> ApiException.unprocessable("territory.agency.notFound", agencyCode, from));
        Optional<Post> existing = post(postCode, from);
        if (existing.isPresent()) {
            if (!existing.get().agencyCode().equals(agencyCode)) {
                throw ApiException.conflict("territory.staff.postCodeInUse", postCode, existing.get().agencyCode(), from);
            }
            return existing.get();
        }
        if (jdbc.sql("""
                insert into territory_post (id, agency_id, code, title, role, field, valid_from, valid_to)
                values (:id, :a, :c, :t, :r, :f, :from, :to) on conflict (code, valid_from) do nothing""")
                .param("id", UUID.randomUUID()).param("a", agency.id()).param("c", postCode).param("t", title)
                .param("r", role.name()).param("f", field).param("from", from).param("to", agency.validTo()).update() > 0) {
            cache.changed();
        }
        return post(postCode, from).orElseThrow();
    }

    @Override
    @Transactional
    public PostHolding appoint(UUID officerId, String postCode, LocalDate from) {
        requireOfficer(officerId);
        Post post = post(postCode, from).orElseThrow(() -> ApiException.unprocessable("territory.staff.noPost", postCode, from));
        Optional<PostHolding> held = holding(officerId, post.id(), from);
        if (held.isPresent()) {
            return held.get();
        }
        if (jdbc.sql("""
                insert into territory_post_holding (id, post_id, officer_id, valid_from, valid_to)
                values (:id, :p, :o, :from, :to) on conflict (post_id, officer_id, valid_from) do nothing""")
                .param("id", UUID.randomUUID()).param("p", post.id()).param("o", officerId).param("from", from)
                .param("to", post.validTo()).update() > 0) {
            cache.changed();
        }
        return holding(officerId, post.id(), from).orElseThrow();
    }

    @Override
    @Transactional
    public boolean endHolding(UUID officerId, String postCode, LocalDate at) {
        requireOfficer(officerId);
        LocalDate before = at.minusDays(1);
        Post post = post(postCode, before).orElseThrow(() -> ApiException.unprocessable("territory.staff.noPost", postCode, before));
        if (holding(officerId, post.id(), before).isEmpty()) {
            throw ApiException.unprocessable("territory.staff.notHolder", postCode, before);
        }
        boolean ended = jdbc.sql("""
                update territory_post_holding set valid_to = :at
                where post_id = :p and officer_id = :o and valid_from < :at and (valid_to is null or valid_to > :at)""")
                .param("at", at).param("p", post.id()).param("o", officerId).update() > 0;
        if (ended) {
            cache.changed();
        }
        return ended;
    }

    @Override
    @Transactional
    public int closePostsOf(Collection<String> agencyCodes, LocalDate at) {
        if (agencyCodes.isEmpty()) {
            return 0;
        }
        LocalDate before = at.minusDays(1);
        String posts = """
                select p.id from territory_post p join territory_agency a on a.id = p.agency_id
                where a.code in (:codes) and a.valid_from <= :b and (a.valid_to is null or a.valid_to > :b)
                  and p.valid_from <= :b and (p.valid_to is null or p.valid_to > :b)""";
        int ended = jdbc.sql("update territory_post_holding set valid_to = :at where post_id in (" + posts + ") "
                        + "and valid_from < :at and (valid_to is null or valid_to > :at)")
                .param("at", at).param("codes", agencyCodes).param("b", before).update();
        // A plan recorded after its effective date: holdings that began on or after it (appointed before anyone knew)
        // end today, the last day the officer could act there, not before they began.
        ended += jdbc.sql("update territory_post_holding set valid_to = greatest(valid_from + 1, "
                        + "(now() at time zone 'Asia/Ho_Chi_Minh')::date + 1) where post_id in (" + posts + ") "
                        + "and valid_from >= :at and valid_to is null")
                .param("at", at).param("codes", agencyCodes).param("b", before).update();
        int closed = jdbc.sql("update territory_post set valid_to = :at where id in (" + posts + ") and (valid_to is null or valid_to > :at)")
                .param("at", at).param("codes", agencyCodes).param("b", before).update();
        if (ended + closed > 0) {
            cache.changed();
        }
        return ended;
    }

    private void requireOfficer(UUID officerId) {
        if (officerId == null || jdbc.sql("select count(*) from territory_officer where id = :o").param("o", officerId)
                .query(Long.class).single() == 0) {
            throw ApiException.unprocessable("territory.staff.noOfficer", officerId);
        }
    }

    private Optional<PostHolding> holding(UUID officerId, UUID postId, LocalDate on) {
        return jdbc.sql(StaffDirectory.SELECT + " and h.officer_id = :o and h.post_id = :p")
                .param("d", on).param("o", officerId).param("p", postId).query(StaffDirectory::holding).optional();
    }
}
