package vn.motcua.platform.security;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.platform.MotcuaProperties;

/**
 * In demo mode, one account per role, all with the password {@value #PASSWORD}; listed on the login
 * page. Outside demo mode every demo account is deleted at start.
 */
@Component
public class DemoAccounts {

    public static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    public record Demo(String username, String displayName, Audience audience, Role role) {
    }

    public static final List<Demo> ACCOUNTS = List.of(
            new Demo("congdan", "Nguyễn Văn An", Audience.CITIZEN, Role.CITIZEN),
            new Demo("tiepnhan", "Trần Thị Bình", Audience.OFFICER, Role.RECEPTION_OFFICER),
            new Demo("chuyenvien", "Lê Văn Cường", Audience.OFFICER, Role.HANDLING_OFFICER),
            new Demo("lanhdao", "Phạm Thị Dung", Audience.OFFICER, Role.UNIT_LEADER),
            new Demo("trakq", "Đặng Thị Hoa", Audience.OFFICER, Role.RECEPTION_OFFICER),
            new Demo("quantri", "Hoàng Văn Em", Audience.OFFICER, Role.ADMIN),
            new Demo("kiemtra", "Võ Thị Giang", Audience.OFFICER, Role.AUDITOR),
            new Demo("hdnd", "Lương Văn Hải", Audience.OFFICER, Role.COUNCIL_MEMBER));

    private final AccountService accounts;
    private final MotcuaProperties properties;

    DemoAccounts(AccountService accounts, MotcuaProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void reconcile() {
        if (properties.demo()) {
            for (Demo d : ACCOUNTS) {
                if (accounts.find(d.username()).isEmpty()) {
                    accounts.save(d.username(), PASSWORD, d.displayName(), d.audience(), Set.of(d.role()), true);
                }
            }
            log.info("Demo mode: {} demo accounts available (password '{}')", ACCOUNTS.size(), PASSWORD);
        } else {
            int removed = accounts.deleteDemoAccounts();
            if (removed > 0) {
                log.info("Demo mode off: removed {} demo accounts", removed);
            }
        }
    }
}
