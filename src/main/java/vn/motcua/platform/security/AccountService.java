package vn.motcua.platform.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.cluster.ClusterSignals;
import vn.motcua.platform.db.TransactionEnd;

/**
 * Local accounts for both audiences, stored with hashed passwords. This is the seam where officer
 * login can later be delegated to an OIDC provider: only this service and {@link SecurityConfiguration}
 * know how people authenticate.
 */
@Service
public class AccountService implements UserDetailsService {

    static final String SIGNAL = "accounts";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    /**
     * The sign-in facts of recently seen accounts: HTTP Basic checks the account on every API call. A write here
     * clears it when it commits, on every node (cluster signals); a change made in SQL is seen within the expiry.
     */
    private final Cache<String, Credentials> recent;
    private final ClusterSignals signals;

    /** An immutable copy: Spring Security erases the password of the {@link User} it authenticated. */
    private record Credentials(Account account, String passwordHash, boolean enabled,
                               List<SimpleGrantedAuthority> authorities) {
    }

    AccountService(JdbcClient jdbc, PasswordEncoder passwordEncoder,
                   @Value("${motcua.security.account-cache-ttl:10s}") Duration accountCacheTtl,
                   ClusterSignals signals) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.recent = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(accountCacheTtl).build();
        this.signals = signals;
        // A password changed or an account disabled on another node counts here within a second.
        signals.on(SIGNAL, recent::invalidateAll);
    }

    /** @param email where notices about the account go (a lockout after failed sign-ins); null if none */
    public record Account(String username, String displayName, Audience audience, Set<Role> roles,
                          boolean demo, String email) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Credentials c = recent(username).orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return User.withUsername(c.account().username()).password(c.passwordHash()).disabled(!c.enabled())
                .authorities(c.authorities()).build();
    }

    public Optional<Account> find(String username) {
        return recent(username).map(Credentials::account);
    }

    /** The account row, from the recent copies or read once (and kept) if it exists; unknown names are not kept. */
    private Optional<Credentials> recent(String username) {
        String key = username == null ? "" : username.trim().toLowerCase();
        Credentials c = recent.getIfPresent(key);
        if (c != null) {
            return Optional.of(c);
        }
        Optional<Credentials> read = jdbc.sql("""
                        select username, password_hash, enabled, roles, display_name, audience, demo, email
                        from account where username = ?""")
                .param(key)
                .query((rs, n) -> {
                    String[] roles = (String[]) rs.getArray(4).getArray();
                    Account account = new Account(rs.getString(1), rs.getString(5), Audience.valueOf(rs.getString(6)),
                            Arrays.stream(roles).map(Role::valueOf)
                                    .collect(java.util.stream.Collectors.toUnmodifiableSet()),
                            rs.getBoolean(7), rs.getString(8));
                    return new Credentials(account, rs.getString(2), rs.getBoolean(3),
                            Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
                })
                .optional();
        read.ifPresent(r -> recent.put(key, r));
        return read;
    }

    public List<Account> demoAccounts() {
        return jdbc.sql("select username from account where demo order by audience, username")
                .query(String.class).list().stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** Creates or updates an account; the password is stored hashed. */
    @Transactional
    public void save(String username, String rawPassword, String displayName, Audience audience,
                     Set<Role> roles, boolean demo) {
        String[] roleNames = roles.stream().map(Enum::name).sorted().toArray(String[]::new);
        jdbc.sql("""
                        insert into account(username, password_hash, display_name, audience, roles, demo)
                        values (:u, :p, :d, :a, :r, :demo)
                        on conflict (username) do update set display_name = excluded.display_name,
                            audience = excluded.audience, roles = excluded.roles, demo = excluded.demo,
                            password_hash = excluded.password_hash
                        """)
                .param("u", username).param("p", passwordEncoder.encode(rawPassword)).param("d", displayName)
                .param("a", audience.name()).param("r", roleNames).param("demo", demo)
                .update();
        forgetAfterCommit();
    }

    /** Sets (or, with null, removes) the e-mail address notices about the account go to. */
    @Transactional
    public void setEmail(String username, String email) {
        jdbc.sql("update account set email = ? where username = ?")
                .params(email == null || email.isBlank() ? null : email.strip(), username).update();
        forgetAfterCommit();
    }

    /** Removes every demo account, so that a production start ({@code motcua.demo=false}) has none. */
    @Transactional
    public int deleteDemoAccounts() {
        int n = jdbc.sql("delete from account where demo").update();
        forgetAfterCommit();
        return n;
    }

    /** Clears the recent accounts now and again once the writing transaction ends (nobody reads the old row after). */
    private void forgetAfterCommit() {
        recent.invalidateAll();
        TransactionEnd.afterCompletion(recent::invalidateAll);
        signals.announce(SIGNAL);
    }
}
