package vn.motcua.privacy.web;

import java.security.Principal;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.privacy.internal.Rotation;

@RestController
@RequestMapping("/api/v1/privacy/keys")
@Tag(name = "Privacy", description = "Personal data: who viewed a dossier's personal data, a citizen's own data, encryption keys")
class KeysApi {

    private final Rotation rotation;

    KeysApi(Rotation rotation) {
        this.rotation = rotation;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The encryption keys' state (no secret): the KEK's keys, the data keys (month, retiring, "
            + "retired) and the progress of the rotation under way (administrators)")
    Map<String, Object> state() {
        return rotation.state();
    }

    @PostMapping("/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a key rotation: new writes get a new data key at once, the rows under the old keys "
            + "are re-encrypted in the background (old keys readable until done, then retired); with kek=true a new "
            + "KEK key too, when the KEK is a file (administrators). Returns the rotation (or the one under way).")
    Rotation.Progress rotate(@RequestParam(defaultValue = "false") boolean kek, Principal principal) {
        return rotation.start(principal.getName(), kek);
    }
}
