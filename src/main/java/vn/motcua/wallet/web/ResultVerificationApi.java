package vn.motcua.wallet.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.platform.security.PublicEndpoints;
import vn.motcua.wallet.internal.WalletService;

/** Public: anyone checks a result Motcua issued, by its verification code or by the file itself. */
@RestController
@Tag(name = "Result verification", description = "Public check of results issued by Motcua")
class ResultVerificationApi {

    private final WalletService wallet;

    ResultVerificationApi(WalletService wallet) {
        this.wallet = wallet;
    }

    @GetMapping("/api/v1/results/verify")
    @Operation(summary = "Check a result by its verification code (printed at the foot of the result)",
            description = "{valid, issuer, issuedOn, document}: valid is false for an unknown code and a revoked result.")
    WalletService.Verification verify(@RequestParam(required = false) String code) {
        return wallet.verify(code);
    }

    @PostMapping(path = "/api/v1/results/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Check a result file: valid only when it is, byte for byte, a result Motcua issued",
            description = "Public, but an anonymous body is capped at 64 KB (motcua.api.anonymous-body): sign in to check "
                    + "larger files, or check by code.")
    WalletService.Verification verifyFile(@RequestPart("file") MultipartFile file) {
        return wallet.verifyFile(WalletApi.bytes(file));
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
