package vn.motcua.dossier;

import java.util.Map;

/** Gives the benchmarks (another package) the same valid submission the tests use. */
public final class BenchFixtures {

    private BenchFixtures() {
    }

    public static Map<String, Object> birthSubmission(String phone) {
        return DossierFixtures.birthSubmission(phone, "bench@example.vn", DossierFixtures.SAI_GON);
    }
}
