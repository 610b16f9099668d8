package vn.motcua.dossier.internal;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.security.AccountService;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;

/** Who an officer is today: their posts decide which agency's dossiers they may act on. */
@Component
public class Officers {

    private final Staff staff;
    private final AccountService accounts;
    private final Clock clock;

    Officers(Staff staff, AccountService accounts, Clock clock) {
        this.staff = staff;
        this.accounts = accounts;
        this.clock = clock;
    }

    public List<PostHolding> posts(String username) {
        return staff.postsOf(username, LocalDate.ofInstant(clock.instant(), IntakeService.VN));
    }

    /** The actor for an account, with the agency and post of its first reception post (or first post). */
    public Actor actor(Principal principal) {
        String username = principal.getName();
        String name = accounts.find(username).map(AccountService.Account::displayName).orElse(username);
        if (principal instanceof org.springframework.security.core.Authentication auth && auth.getAuthorities().stream()
                .allMatch(a -> "ROLE_CITIZEN".equals(a.getAuthority()))) {
            return new Actor(username, name, null, null); // citizens hold no posts: no lookup on every submission
        }
        List<PostHolding> posts = posts(username);
        PostHolding main = posts.stream().filter(p -> p.role() == PostRole.RECEPTION).findFirst()
                .orElse(posts.isEmpty() ? null : posts.get(0));
        return new Actor(username, name, main == null ? null : main.agency().code(), main == null ? null : main.postTitle());
    }

    /** Refuses (403) unless the actor holds a reception post in the agency today. */
    public void requireReception(Actor actor, String agencyCode) {
        boolean allowed = agencyCode != null && posts(actor.username()).stream()
                .anyMatch(p -> p.role() == PostRole.RECEPTION && agencyCode.equals(p.agency().code()));
        if (!allowed) {
            throw ApiException.forbidden("dossier.forbidden.agency");
        }
    }

    /** Agency codes where the officer holds a reception post today. */
    public List<String> receptionAgencies(String username) {
        return posts(username).stream().filter(p -> p.role() == PostRole.RECEPTION).map(p -> p.agency().code())
                .distinct().toList();
    }
}
