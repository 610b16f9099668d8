package vn.motcua.wallet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * What the data store adds to a submission, through the HTTP API on embedded PostgreSQL: the same certified-copy
 * application without attachments, and with the profile's prefill read plus 3 documents reused from the store (each
 * copied onto the dossier). Also a result's verification by code and by file. Target (issue #20): prefill + reuse of 3
 * documents adds ≤ 20 ms; verification ≤ 50 ms. Prints figures, asserts nothing.
 * Run: {@code ./mvnw -Pbench test -Dtest=DataStoreBench} ({@code -Dwallet.bench.n=30} for a short run).
 */
@IntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "motcua.wallet.verify-rate=1000000/PT1M")
class DataStoreBench {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.privacy.Vault vault;

    @Test
    void reuseOverheadAndVerification() {
        referenceData.ensureAll();
        int n = Integer.getInteger("wallet.bench.n", 300);
        Http http = new Http(port);
        accounts.save("congdan.bench", "demo", "Công dân đo", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        accounts.save("congdan.kho", "demo", "Công dân khác", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("fullName", "Nguyễn Thị Thủy Tiên");
        profile.put("personalId", "079190012345");
        profile.put("birthDate", "1990-05-12");
        profile.put("currentUnitCode", DossierFixtures.SAI_GON);
        http.send(http.request("/api/v1/me/data/profile").header("Authorization", Http.basic("congdan.bench", "demo"))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(profile))).build());
        List<Map<String, Object>> reuse = new ArrayList<>();
        for (String type : List.of("Giấy khai sinh", "Căn cước", "Giấy xác nhận cư trú")) {
            var up = http.postJson("congdan.bench", "demo", "/api/v1/me/data/documents", Map.of("type", type,
                    "fileName", "giay.pdf", "contentBase64", DossierFixtures.PDF_B64));
            reuse.add(Map.of("reuse", up.json().get("id").asString()));
        }
        DataStoreTest helper = new DataStoreTest();
        double[] plain = new double[n];
        double[] withStore = new double[n];
        for (int warm = 0; warm < Math.min(n, 50); warm++) {
            submit(http, helper, List.of(), false);
            submit(http, helper, reuse, true);
        }
        for (int i = 0; i < n; i++) {   // interleaved, so that the machine's drift hits both alike
            plain[i] = submit(http, helper, List.of(), false);
            withStore[i] = submit(http, helper, reuse, true);
        }
        double a = median(plain);
        double b = median(withStore);
        System.out.printf("BENCH wallet submission (%d each, HTTP): without the store median %.1f ms; with prefill + "
                + "3 reused documents median %.1f ms; added %.1f ms (target ≤ 20 ms)%n", n, a, b, b - a);

        // Verification of a stored, signed result: congdan's birth certificate, driven to its result here.
        DataStoreTest verifier = new DataStoreTest();
        verifier.http = http;
        verifier.jdbc = jdbc;
        String code = verifier.resultOf(verifier.returnedBirthCertificate()).get("verificationCode").asString();
        byte[] pdf = vault.open(jdbc.sql("select content from wallet_document where verification_code = ?").param(code)
                .query((rs, r) -> rs.getBytes(1)).single(), "wallet_document.content");
        double[] byCode = new double[n];
        double[] byFile = new double[n];
        for (int i = 0; i < n + 30; i++) {
            long t0 = System.nanoTime();
            http.get("/api/v1/results/verify?code=" + code);
            long t1 = System.nanoTime();
            verifier.verifyFile(pdf);
            long t2 = System.nanoTime();
            if (i >= 30) {
                byCode[i - 30] = (t1 - t0) / 1e6;
                byFile[i - 30] = (t2 - t1) / 1e6;
            }
        }
        System.out.printf("BENCH wallet verification (%d each, HTTP): by code median %.1f ms; by file (%d bytes, "
                + "SHA-256 + PAdES check) median %.1f ms (target ≤ 50 ms)%n", n, median(byCode), pdf.length, median(byFile));
    }

    private double submit(Http http, DataStoreTest helper, List<Map<String, Object>> attachments, boolean prefill) {
        long t0 = System.nanoTime();
        if (prefill) {
            http.getAs("congdan.bench", "demo", "/api/v1/me/data/prefill");
        }
        var r = http.postJson("congdan.bench", "demo", "/api/v1/dossiers", helper.certifyCopy(DataStoreTest.phone(), attachments));
        long t1 = System.nanoTime();
        if (r.status() != 201) {
            throw new AssertionError(r.body());
        }
        return (t1 - t0) / 1e6;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
