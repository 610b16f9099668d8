package vn.motcua.platform.security;

import java.security.Principal;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.api.ApiException;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Accounts", description = "Who is calling")
class AccountApi {

    private final AccountService accounts;

    AccountApi(AccountService accounts) {
        this.accounts = accounts;
    }

    record Me(String username, String displayName, Audience audience, Set<Role> roles) {
    }

    @GetMapping
    @Operation(summary = "The signed-in account (HTTP Basic with a demo account in demo mode)")
    Me me(Principal principal) {
        var a = accounts.find(principal.getName())
                .orElseThrow(() -> ApiException.notFound("error.account.notFound"));
        return new Me(a.username(), a.displayName(), a.audience(), a.roles());
    }
}
