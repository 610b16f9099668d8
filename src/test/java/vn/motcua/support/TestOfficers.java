package vn.motcua.support;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.platform.time.VietnamTime;
import vn.motcua.territory.Post;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.StaffChanges;

/** Officer accounts that tests need beyond the demo ones, created idempotently (one context serves many classes). */
@Component
public class TestOfficers {

    /** The reception officer of UBND phường Tân Định (26737), an agency other than the demo officers'. */
    public static final String TAN_DINH = "cb.tandinh";

    /** The director of the city's Department of Justice (STP-79): a province-level leader. */
    public static final String PROVINCE_LEADER = "cb.sotuphap";

    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final StaffChanges staffChanges;

    TestOfficers(AccountService accounts, JdbcClient jdbc, StaffChanges staffChanges) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.staffChanges = staffChanges;
    }

    /** Ensures {@link #TAN_DINH} exists (password {@code demo}) and holds the post CB-26737-1. */
    public String tanDinhReception() {
        if (accounts.find(TAN_DINH).isEmpty()) {
            accounts.save(TAN_DINH, "demo", "Nguyễn Thị Hạnh", Audience.OFFICER, Set.of(Role.RECEPTION_OFFICER), false);
            jdbc.sql("update territory_officer set username = ? where code = 'CB-26737-1'").param(TAN_DINH).update();
            staffChanges.refresh();
        }
        return TAN_DINH;
    }

    /** Ensures {@link #PROVINCE_LEADER} exists (password {@code demo}, UNIT_LEADER) and holds the post CB-STP79-3. */
    public String provinceLeader() {
        if (accounts.find(PROVINCE_LEADER).isEmpty()) {
            accounts.save(PROVINCE_LEADER, "demo", "Kiều Thị Chi", Audience.OFFICER, Set.of(Role.UNIT_LEADER), false);
            jdbc.sql("update territory_officer set username = ? where code = 'CB-STP79-3'").param(PROVINCE_LEADER).update();
            staffChanges.refresh();
        }
        return PROVINCE_LEADER;
    }

    /** A handling officer's account (password {@code demo}) that holds no post: it sees no queue and no dossier. */
    public String withoutPost(String username, String fullName) {
        accounts.save(username, "demo", fullName, Audience.OFFICER, Set.of(Role.HANDLING_OFFICER), false);
        return username;
    }

    /** An officer of the test's own, appointed to a post of their own from today: {@link #remove} takes them away. */
    public record Appointed(String username, String officerCode, Post post, PostHolding holding) {
    }

    /**
     * An account (password {@code demo}) whose officer holds a new post of {@code agency} from today (the Vietnam
     * date), so tests asking about the demo staff of earlier days are not affected. The officer row has no territory
     * API: written in SQL and announced with {@link StaffChanges#refresh()}.
     */
    public Appointed appointedToday(String username, String fullName, Role role, String officerCode, String agency,
                                    String postCode, String title, PostRole postRole, String field) {
        accounts.save(username, "demo", fullName, Audience.OFFICER, Set.of(role), false);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        UUID officer = UUID.randomUUID();
        jdbc.sql("insert into territory_officer (id, code, full_name, username) values (?, ?, ?, ?)")
                .params(officer, officerCode, fullName, username).update();
        staffChanges.refresh();
        Post post = staffChanges.openPost(agency, postCode, title, postRole, field, today);
        PostHolding holding = staffChanges.appoint(officer, postCode, today);
        return new Appointed(username, officerCode, post, holding);
    }

    /** Takes an {@link #appointedToday} officer's holding, post and officer row away (the account stays). */
    public void remove(Appointed a) {
        jdbc.sql("delete from territory_post_holding where post_id in (select id from territory_post where code = ?)")
                .param(a.post().code()).update();
        jdbc.sql("delete from territory_post where code = ?").param(a.post().code()).update();
        jdbc.sql("delete from territory_officer where code = ?").param(a.officerCode()).update();
        staffChanges.refresh();
    }
}
