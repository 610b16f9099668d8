package vn.motcua.dossier;

import java.util.Map;

/** Gives the benchmarks (another package) the same valid submission the tests use. */
public final class BenchFixtures {

    /** A minimal valid PDF, base64-encoded, as attachments and results carry it. */
    public static final String PDF_B64 = DossierFixtures.PDF_B64;

    private BenchFixtures() {
    }

    public static Map<String, Object> birthSubmission(String phone) {
        return DossierFixtures.birthSubmission(phone, "bench@example.vn", DossierFixtures.SAI_GON);
    }
}
