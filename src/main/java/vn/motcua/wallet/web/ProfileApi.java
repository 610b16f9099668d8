package vn.motcua.wallet.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.api.ApiException;
import vn.motcua.wallet.CitizenProfiles;
import vn.motcua.wallet.internal.ProfileService;

/** The signed-in citizen's profile, and the e-form values it prefills. */
@RestController
@RequestMapping("/api/v1/me/data")
@PreAuthorize("hasRole('CITIZEN')")
@Tag(name = "Data store", description = "The citizen's documents (kho dữ liệu cá nhân), reused in new dossiers")
class ProfileApi {

    private final ProfileService profiles;
    private final MessageSource messages;

    ProfileApi(ProfileService profiles, MessageSource messages) {
        this.profiles = profiles;
        this.messages = messages;
    }

    @GetMapping("/profile")
    @Operation(summary = "My profile (404 until it is saved once)")
    CitizenProfiles.CitizenProfile profile(Authentication auth) {
        return profiles.profile(auth.getName()).orElseThrow(() -> ApiException.notFound("wallet.profile.notFound"));
    }

    @PutMapping("/profile")
    @Operation(summary = "Save my profile (the whole of it)",
            description = "422 with errors per field: personal ID (12 digits, agreeing with birth date and sex), phone, "
                    + "e-mail, unit codes of wards/communes in force today.")
    ResponseEntity<CitizenProfiles.CitizenProfile> save(@RequestBody CitizenProfiles.CitizenProfile body,
                                                        Authentication auth, Locale locale) {
        return ResponseEntity.ok(save(profiles, messages, auth.getName(), body, locale));
    }

    @GetMapping("/prefill")
    @Operation(summary = "The e-form values my profile prefills (field path → value), as the online e-form uses them")
    Map<String, String> prefill(Authentication auth) {
        return profiles.prefill(auth.getName());
    }

    /** A field's problem, as the dossier API reports e-form errors. */
    record FieldProblem(String field, String code, String message) {
    }

    static CitizenProfiles.CitizenProfile save(ProfileService profiles, MessageSource messages, String owner,
                                               CitizenProfiles.CitizenProfile body, Locale locale) {
        try {
            return profiles.save(owner, body);
        } catch (ProfileService.ProfileInvalid e) {
            List<FieldProblem> errors = e.errors().entrySet().stream()
                    .map(x -> new FieldProblem(x.getKey(), x.getValue(),
                            messages.getMessage(x.getValue(), null, x.getValue(), locale)))
                    .toList();
            throw ApiException.unprocessable("wallet.profile.invalid").with("errors", errors);
        }
    }
}
