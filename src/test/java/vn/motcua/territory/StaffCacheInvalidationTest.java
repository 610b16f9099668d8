package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.IntegrationTest;

/**
 * {@link Staff} answers are cached, and every way staff changes is seen by the next look-up: appointments and ends
 * through {@link StaffChanges} committed in transactions of their own, a closed unit's agency, SQL written by hand
 * followed by {@link StaffChanges#refresh()}; a transaction sees its own changes, others see them once committed, and
 * a rolled-back change leaves the committed view. On a ward of its own (unique code, dates in 2036).
 */
@IntegrationTest
class StaffCacheInvalidationTest {

    @Autowired
    Staff staff;
    @Autowired
    StaffChanges staffChanges;
    @Autowired
    TerritoryChanges changes;
    @Autowired
    TerritoryAgencies agencies;
    @Autowired
    Territory territory;
    @Autowired
    AccountService accounts;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    final String unit = "C" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    final String agency = "UBND-" + unit;
    final String post = agency + "-HT";
    final LocalDate d1 = LocalDate.of(2036, 1, 1);
    final LocalDate d2 = LocalDate.of(2036, 6, 1);
    final LocalDate end = LocalDate.of(2037, 1, 1);
    String username;
    UUID lan;

    @BeforeEach
    void openWardWithAPost() {
        changes.apply(UnitChanges.builder().open(unit, "Thử", "Phường Thử " + unit, UnitType.WARD, null).build(), d1, "Thử");
        agencies.deriveAgencies(List.of(unit), d1);
        staffChanges.openPost(agency, post, "Công chức Tư pháp – Hộ tịch", PostRole.HANDLING, "HO_TICH", d1);
        username = "lan" + unit.toLowerCase();
        accounts.save(username, "demo", "Nguyễn Thị Lan", Audience.OFFICER, Set.of(Role.HANDLING_OFFICER), false);
        lan = officer("Nguyễn Thị Lan", username);
    }

    @AfterEach
    void closeTheWard() {
        if (validOn(end)) {   // not closed by the test
            staffChanges.closePostsOf(List.of(agency), end);
            changes.apply(UnitChanges.builder().close(unit).build(), end, "Kết thúc thử nghiệm");
        }
    }

    private boolean validOn(LocalDate on) {
        return jdbc.sql("select count(*) from territory_unit where code = ? and valid_from <= ? and (valid_to is null or valid_to > ?)")
                .params(unit, on, on).query(Long.class).single() > 0;
    }

    private UUID officer(String name, String login) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into territory_officer (id, code, full_name, username) values (?, ?, ?, ?)")
                .params(id, "CB-" + id.toString().substring(0, 8), name, login).update();
        staffChanges.refresh();   // written in SQL: territory has no API for officers
        return id;
    }

    private List<String> postsOfLan() {
        return staff.postsOfOfficer(lan, d2).stream().map(PostHolding::postCode).toList();
    }

    private List<UUID> holders() {
        return staff.holders(agency, PostRole.HANDLING, d2).stream().map(PostHolding::officerId).toList();
    }

    /** Asked from another thread: outside any transaction of this one. */
    private static <T> T elsewhere(java.util.function.Supplier<T> lookUp) {
        return CompletableFuture.supplyAsync(lookUp).join();
    }

    @Test
    void appointmentsAndEndsCommittedElsewhereAreSeenByTheNextLookUp() {
        // Cached empty answers, by every argument kind.
        assertThat(postsOfLan()).isEmpty();
        assertThat(staff.postsOf(username, d2)).isEmpty();
        assertThat(holders()).isEmpty();

        tx.executeWithoutResult(s -> staffChanges.appoint(lan, post, d1));
        assertThat(postsOfLan()).containsExactly(post);
        assertThat(staff.postsOf(username, d2)).extracting(PostHolding::postCode).containsExactly(post);
        assertThat(holders()).containsExactly(lan);
        assertThat(elsewhere(this::holders)).containsExactly(lan);

        tx.executeWithoutResult(s -> assertThat(staffChanges.endHolding(lan, post, d2)).isTrue());
        assertThat(postsOfLan()).isEmpty();
        assertThat(staff.postsOf(username, d2)).isEmpty();
        assertThat(staff.postsOf(username, d2.minusDays(1))).extracting(PostHolding::validTo).containsExactly(d2);
        assertThat(holders()).isEmpty();

        // Without a transaction of the caller's (each call its own).
        staffChanges.appoint(lan, post, d2);
        assertThat(postsOfLan()).containsExactly(post);
        assertThat(holders()).containsExactly(lan);
    }

    @Test
    void theWritingTransactionSeesItsChangeAndOthersSeeItOnceCommitted() {
        assertThat(postsOfLan()).isEmpty();
        tx.executeWithoutResult(s -> {
            assertThat(postsOfLan()).isEmpty();
            staffChanges.appoint(lan, post, d1);
            assertThat(postsOfLan()).as("its own change").containsExactly(post);
            assertThat(holders()).containsExactly(lan);
            assertThat(elsewhere(this::postsOfLan)).as("not committed yet").isEmpty();
            assertThat(elsewhere(this::holders)).as("not committed yet").isEmpty();
        });
        assertThat(postsOfLan()).containsExactly(post);
        assertThat(elsewhere(this::postsOfLan)).containsExactly(post);
        assertThat(elsewhere(this::holders)).containsExactly(lan);
    }

    @Test
    void aRolledBackChangeLeavesTheCommittedView() {
        staffChanges.appoint(lan, post, d1);
        UUID minh = officer("Trần Văn Minh", null);
        assertThat(postsOfLan()).containsExactly(post);
        assertThat(holders()).containsExactly(lan);

        tx.executeWithoutResult(s -> {
            assertThat(staffChanges.endHolding(lan, post, d2)).isTrue();
            staffChanges.appoint(minh, post, d2);
            assertThat(postsOfLan()).isEmpty();
            assertThat(holders()).containsExactly(minh);
            assertThat(elsewhere(this::holders)).containsExactly(lan);
            s.setRollbackOnly();
        });
        assertThat(postsOfLan()).containsExactly(post);
        assertThat(holders()).containsExactly(lan);
        assertThat(staff.postsOfOfficer(minh, d2)).isEmpty();

        // The same when the transaction fails with an exception.
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            staffChanges.appoint(minh, post, d2);
            assertThat(holders()).containsExactlyInAnyOrder(lan, minh);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(holders()).containsExactly(lan);
        assertThat(staff.postsOfOfficer(minh, d2)).isEmpty();
    }

    @Test
    void closingTheUnitClosesTheAgencyInTheAnswers() {
        staffChanges.appoint(lan, post, d1);
        assertThat(staff.holders(agency, PostRole.HANDLING, d2)).extracting(h -> h.agency().validTo()).containsExactly((LocalDate) null);
        assertThat(staff.postsOf(username, d2)).extracting(h -> h.agency().validTo()).containsExactly((LocalDate) null);

        changes.apply(UnitChanges.builder().close(unit).build(), end, "Kết thúc thử nghiệm");
        assertThat(staff.holders(agency, PostRole.HANDLING, d2)).extracting(h -> h.agency().validTo()).containsExactly(end);
        assertThat(staff.postsOf(username, d2)).extracting(h -> h.agency().validTo()).containsExactly(end);
        staffChanges.closePostsOf(List.of(agency), end);
    }

    @Test
    void agencyLookUpsFollowTheAgenciesOfAUnit() {
        // Asked (and kept) while the ward has its People's Committee...
        assertThat(territory.agency(agency, d2)).isPresent();
        assertThat(territory.agencies(unit, d2)).extracting(Agency::code).contains(agency);
        assertThat(territory.competentAgencies(unit, AgencyLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, null, d2))
                .extracting(Agency::code).containsExactly(agency);
        // ...then the ward closes (its agency with it) before that day: the same questions get the new answers.
        changes.apply(UnitChanges.builder().close(unit).build(), d2.minusMonths(1), "Thử");
        assertThat(territory.agency(agency, d2)).isEmpty();
        assertThat(territory.agencies(unit, d2)).isEmpty();
        assertThat(territory.competentAgencies(unit, AgencyLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, null, d2)).isEmpty();
        // A new ward's agencies, derived after a look-up that found none, are found at once.
        String other = "C" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        changes.apply(UnitChanges.builder().open(other, "Thử", "Phường Thử " + other, UnitType.WARD, null).build(), d1, "Thử");
        assertThat(territory.agency("UBND-" + other, d2)).isEmpty();
        agencies.deriveAgencies(List.of(other), d1);
        assertThat(territory.agency("UBND-" + other, d2)).isPresent();
        changes.apply(UnitChanges.builder().close(other).build(), end, "Kết thúc thử nghiệm");
    }

    @Test
    void aChangeWrittenInSqlIsSeenAfterRefresh() {
        UUID minh = officer("Trần Văn Minh", null);
        assertThat(holders()).isEmpty();
        jdbc.sql("""
                insert into territory_post_holding (id, post_id, officer_id, valid_from)
                select ?, p.id, ?, p.valid_from from territory_post p where p.code = ?""")
                .params(UUID.randomUUID(), minh, post).update();
        staffChanges.refresh();
        assertThat(holders()).containsExactly(minh);

        tx.executeWithoutResult(s -> {
            jdbc.sql("update territory_post_holding set valid_to = ? where officer_id = ?").params(d2, minh).update();
            staffChanges.refresh();
            assertThat(holders()).as("its own change").isEmpty();
        });
        assertThat(holders()).isEmpty();
        assertThat(staff.postsOfOfficer(minh, d2.minusDays(1))).extracting(PostHolding::validTo).containsExactly(d2);
    }

    @Test
    void answersAreUnmodifiable() {
        staffChanges.appoint(lan, post, d1);
        List<PostHolding> answer = staff.postsOf(username, d2);
        assertThat(answer).hasSize(1);
        assertThatThrownBy(answer::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> staff.holders(agency, PostRole.HANDLING, d2).add(answer.get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(staff.postsOf(username, d2)).hasSize(1);
    }
}
