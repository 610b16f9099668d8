package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;

/**
 * Round 17: the learned no-match decision ({@link NoMatchGate}) — its features on a small catalogue, its file's parsing and
 * errors, and its decision on a question with no procedure and on one with.
 */
class NoMatchGateTest {

    private static final String VEHICLE = AssistantNegativesOutvoteTest.VEHICLE;
    private final SmallCatalogue small = new SmallCatalogue(AssistantNegativesOutvoteTest.catalogue());
    private final AssistantService service = small.service();

    private static final String[] LINES = {"sim điện thoại chính chủ làm ở cửa hàng nào|NONE|a",
            "số điện thoại bị khóa một chiều vì chưa cập nhật|NONE|a", "đổi sim điện thoại mới giữ số cũ|NONE|a",
            "thông tin thuê bao cho số điện thoại|NONE|a", "sim chính chủ bị khóa thì làm sao|NONE|a",
            "đăng ký sang tên xe máy cũ chính chủ|" + VEHICLE + "|a", "sang tên xe máy mua lại của người quen|" + VEHICLE + "|a",
            "mua xe máy cũ sang tên chính chủ ở đâu|" + VEHICLE + "|a"};

    private double feature(NoMatchFeatures f, String name) {
        return f.values()[NoMatchFeatures.NAMES.indexOf(name)];
    }

    @Test
    void theFeaturesReadTheCataloguesAndTheExamplesEvidence() {
        ExampleIndex ex = small.examples(LINES);
        NoMatchFeatures sim = service.features("đăng ký sim chính chủ cho số điện thoại", ExampleEvidence.DEFAULT, ex, SmallCatalogue.SMALL)
                .orElseThrow();
        NoMatchFeatures bike = service.features("sang tên xe máy chính chủ", ExampleEvidence.DEFAULT, ex, SmallCatalogue.SMALL)
                .orElseThrow();
        assertThat(sim.values()).hasSize(NoMatchFeatures.NAMES.size());
        // the SIM question shares "đăng ký" and "chính chủ" with the vehicle's name; its neighbours are negatives
        assertThat(feature(sim, "noneBest")).isGreaterThan(feature(sim, "ownBest"));
        assertThat(feature(sim, "noneCount")).isGreaterThanOrEqualTo(2);
        assertThat(feature(sim, "ruleRefuses")).isEqualTo(1);
        // the vehicle question: three of its pairs in the name, its own examples near, no negative as near
        assertThat(feature(bike, "namePairs")).isGreaterThanOrEqualTo(3);
        assertThat(feature(bike, "answers")).isEqualTo(1);
        assertThat(feature(bike, "ownBest")).isGreaterThan(feature(bike, "noneBest"));
        assertThat(feature(bike, "ownCount")).isEqualTo(3);
        assertThat(feature(bike, "answeredBest")).isEqualTo(feature(bike, "ownBest"));
        assertThat(feature(bike, "ruleRefuses")).isZero();
        assertThat(feature(bike, "logScore")).isGreaterThan(feature(sim, "logScore"));
        // nothing in the catalogue at all: no features, always no match
        assertThat(service.features("qwxz", ExampleEvidence.DEFAULT, ex, SmallCatalogue.SMALL)).isEmpty();
    }

    @Test
    void theShippedGateIsWholeAndNamesItsProvenance() throws Exception {
        NoMatchGate g = NoMatchGate.load();
        assertThat(g.threshold()).isStrictlyBetween(0.0, 1.0);
        assertThat(g.weight()).hasSize(NoMatchFeatures.NAMES.size());
        assertThat(java.util.Arrays.stream(g.scale()).allMatch(s -> s > 0)).isTrue();
        String text = new String(getClass().getClassLoader().getResourceAsStream(NoMatchGate.RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("written corpus", "NoMatchGateTrainer", "penalty", "Threshold");
    }

    private static NoMatchGate parse(String text) throws Exception {
        return NoMatchGate.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "gate.tsv");
    }

    private static String whole(String threshold) {
        StringBuilder b = new StringBuilder("# a test gate\nthreshold\t" + threshold + "\nintercept\t-1\n");
        for (String n : NoMatchFeatures.NAMES) {
            b.append(n).append("\t0\t1\t").append(n.equals("noneBest") ? "2" : "0").append('\n');
        }
        return b.toString();
    }

    @Test
    void productionWeighsTheGateBesideTheRulesAtItsConfiguredThreshold() {
        assertThat(ExampleEvidence.DEFAULT.gate()).isEqualTo(ExampleEvidence.Gate.ADD);
        NoMatchGate file = NoMatchGate.production();
        NoMatchGate configured = ExampleEvidence.DEFAULT.gateModel();
        assertThat(configured.threshold()).isEqualTo(ExampleEvidence.DEFAULT.gateAt()).isNotEqualTo(file.threshold());
        assertThat(ExampleEvidence.DEFAULT.with("gateAt=0").gateModel().threshold()).isEqualTo(file.threshold());
        // the same weights: only the operating point moves
        double[] x = new double[NoMatchFeatures.NAMES.size()];
        java.util.Arrays.fill(x, 0.3);
        NoMatchFeatures f = new NoMatchFeatures(x);
        assertThat(configured.probability(f)).isEqualTo(file.probability(f));
        assertThatThrownBy(() -> ExampleEvidence.DEFAULT.with("gateAt=1.5")).hasRootCauseMessage(
                "motcua.assistant.examples.gate-at must lie in [0, 1) (0: the gate file's threshold)");
    }

    @Test
    void aGateFileIsReadAndWeighs() throws Exception {
        NoMatchGate g = parse(whole("0.5"));
        double[] x = new double[NoMatchFeatures.NAMES.size()];
        // P = sigmoid(-1 + 2 * noneBest): 0.27 with no negative near, 0.73 with one at 1
        assertThat(g.probability(new NoMatchFeatures(x))).isCloseTo(1 / (1 + Math.exp(1)), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.refuses(new NoMatchFeatures(x))).isFalse();
        x[NoMatchFeatures.NAMES.indexOf("noneBest")] = 1;
        assertThat(g.refuses(new NoMatchFeatures(x))).isTrue();
    }

    @Test
    void aBadGateFileSaysWhatAndWhere() {
        assertThatThrownBy(() -> parse(whole("0.5").replace("coverage\t0\t1\t0", "coverage\t0\tone\t0")))
                .hasMessageContaining("gate.tsv:").hasMessageContaining("not a number");
        assertThatThrownBy(() -> parse(whole("0.5") + "moonPhase\t0\t1\t0\n")).hasMessageContaining("unknown feature 'moonPhase'");
        assertThatThrownBy(() -> parse(whole("0.5").replace("coverage\t0\t1\t0\n", ""))).hasMessageContaining("feature 'coverage' missing");
        assertThatThrownBy(() -> parse(whole("0.5").replace("coverage\t0\t1\t0", "coverage\t0\t0\t0")))
                .hasMessageContaining("scale of 'coverage' must be positive");
        assertThatThrownBy(() -> parse(whole("1.5"))).hasMessageContaining("threshold must lie between 0 and 1");
        assertThatThrownBy(() -> parse(whole("0.5").replace("intercept\t-1\n", ""))).hasMessageContaining("'intercept'");
        assertThatThrownBy(() -> parse(whole("0.5").replace("coverage\t0\t1\t0", "coverage\t0\t1"))).hasMessageContaining("4 columns");
    }

    @Test
    void theGateRefusesAQuestionWithNoProcedureAndKeepsAnAnswerableOne() {
        ExampleEvidence sole = ExampleEvidence.DEFAULT.with("gate=sole");
        Answers sim = small.ask("đăng ký sim chính chủ cho số điện thoại", sole, LINES);
        assertThat(sim.noMatch()).as(sim.toString()).isTrue();
        Answers bike = small.ask("sang tên xe máy chính chủ", sole, LINES);
        SmallCatalogue.assertFirst(bike, VEHICLE);
    }

    /** The gate at a configured threshold is made once, not per question; its weights are the shipped gate's. */
    @Test
    void theGateAtAThresholdIsMadeOnce() {
        NoMatchGate shipped = NoMatchGate.production();
        NoMatchGate at = NoMatchGate.production(0.42);
        assertThat(at.threshold()).isEqualTo(0.42);
        assertThat(at.weight()).isEqualTo(shipped.weight());
        assertThat(at.intercept()).isEqualTo(shipped.intercept());
        assertThat(NoMatchGate.production(0.42)).isSameAs(at);
        ExampleEvidence ev = ExampleEvidence.DEFAULT.with("gateAt=0.42");
        assertThat(ev.gateModel()).isSameAs(at);
        // 0: the file's own threshold, the shipped gate itself
        assertThat(ExampleEvidence.DEFAULT.with("gateAt=0").gateModel()).isSameAs(shipped);
    }
}
