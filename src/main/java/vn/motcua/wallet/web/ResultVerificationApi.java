package vn.motcua.wallet.web;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.platform.security.PublicEndpoints;
import vn.motcua.platform.throttle.Limit;
import vn.motcua.platform.throttle.Throttle;
import vn.motcua.platform.throttle.TooManyAttempts;
import vn.motcua.wallet.internal.Revocations;
import vn.motcua.wallet.internal.WalletService;

/**
 * Public: anyone checks a result Motcua issued, by its verification code or by the file itself (up to 10 MB, also
 * anonymously: {@code motcua.api.anonymous-bodies}; throttled per address). Officers of the issuing agency revoke one.
 */
@RestController
@Tag(name = "Result verification", description = "Public check of results issued by Motcua")
class ResultVerificationApi {

    private final WalletService wallet;
    private final Revocations revocations;
    private final Throttle throttle;
    private final Limit rate;

    ResultVerificationApi(WalletService wallet, Revocations revocations, Throttle throttle,
                          @Value("${motcua.wallet.verify-rate:20/PT1M}") String rate) {
        this.wallet = wallet;
        this.revocations = revocations;
        this.throttle = throttle;
        this.rate = Limit.parse(rate);
    }

    @GetMapping("/api/v1/results/verify")
    @Operation(summary = "Check a result by its verification code (printed at the foot of the result)",
            description = "{valid, issuer, issuedOn, document}: valid is false for an unknown code and for a revoked "
                    + "result (revoked, revokedOn, status \"đã thu hồi ngày …\").")
    WalletService.Verification verify(@RequestParam(required = false) String code) {
        return wallet.verify(code);
    }

    @PostMapping(path = "/api/v1/results/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Check a result file: valid only when it is, byte for byte, a result Motcua issued",
            description = "Public, files up to 10 MB (also without credentials), at most 20 checks a minute per address "
                    + "(429 after). A file changed after signing, or one without Motcua's signature, is valid=false "
                    + "with a status saying which.")
    WalletService.Verification verifyFile(@RequestPart("file") MultipartFile file, HttpServletRequest request) {
        throttled(throttle, rate, request);
        return wallet.verifyFile(WalletApi.bytes(file));
    }

    static void throttled(Throttle throttle, Limit rate, HttpServletRequest request) {
        Duration wait = throttle.request("result-verify", throttle.client(request), rate);
        if (!wait.isZero()) {
            throw new TooManyAttempts("throttle.requests", wait);
        }
    }

    record Revoke(String reason) {
    }

    @PostMapping(path = "/api/v1/results/{code}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('RECEPTION_OFFICER', 'HANDLING_OFFICER', 'UNIT_LEADER')")
    @Operation(summary = "Revoke a result (officers of the issuing agency or of its successor), with a reason",
            description = "404 unknown code, 403 not of the issuing agency nor of an agency serving its successor unit, "
                    + "409 already revoked, 422 no reason.")
    Revocations.Revoked revoke(@PathVariable String code, @RequestBody Revoke body, Authentication auth) {
        return revocations.revoke(code, body == null ? null : body.reason(), auth.getName());
    }

    @Component
    static class Public implements PublicEndpoints {

        @Override
        public List<String> publicGetPaths() {
            return List.of("/api/v1/results/verify");
        }

        @Override
        public List<String> publicPostPaths() {
            return List.of("/api/v1/results/verify");
        }
    }
}
