package vn.motcua.assistant.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.AssistantEvaluation;

/**
 * Scratch (session 18, round 20): how a purposes file reads the seen sets' and the 11th-14th's lines (never a blind
 * set's): NONE read private with no act, answerable read so. {@code -Dassistant.probe.purposes=<file>} (default the shipped one).
 */
@EnabledIfSystemProperty(named = "assistant.probe.plines", matches = "true")
class PurposeLinesProbe {
    @Test
    void lines() throws Exception {
        String file = System.getProperty("assistant.probe.purposes", "src/main/resources/assistant/purposes-vi.txt");
        PurposeReading r = new PurposeReading(Files.readString(Path.of(file)));
        List<AssistantEvaluation.Question> qs = new ArrayList<>(AssistantEvaluation.seenSets());
        for (String s : "11,12,13,14".split(",")) {
            qs.addAll(AssistantEvaluation.load(Path.of("src/test/resources/assistant/questions-held" + s + ".tsv")));
        }
        int none = 0, noneP = 0, ans = 0, ansP = 0;
        for (var q : qs) {
            var p = r.read(q.text());
            if (!p.objects().isEmpty()) {
                // round 21: lines naming an unserved object (the service also asks the top candidates' names)
                System.out.printf("PL-OBJ\t%s\t%s\t%s\t%s%n", q.none() ? "NONE" : "ANS " + q.codes(), q.source(), p.objects(), q.text());
            }
            if (q.none()) {
                none++;
                if (p.onlyPrivate()) noneP++;
                System.out.printf("PL\t%s\t%s\t%s%n", p.onlyPrivate() ? "NONE-priv" : "NONE-not", q.source(), q.text());
            } else {
                ans++;
                if (p.onlyPrivate()) {
                    ansP++;
                    System.out.printf("PL\tANS-priv\t%s\t%s\t%s%n", q.source(), q.codes(), q.text());
                }
            }
        }
        System.out.printf("PL-SUM\tNONE %d/%d private, answerable %d/%d private%n", noneP, none, ansP, ans);
        // round 21: the catalogue's own names read as a question: a name read private, or naming an unserved object,
        // is a pattern the catalogue serves (the bench's catalogue dump)
        Path dump = Path.of("target/assistant-catalogue.json");
        if (Files.exists(dump)) {
            int held = 0;
            for (var v : vn.motcua.assistant.AssistantTuning.load(dump)) {
                var p = r.read(v.name());
                if (p.privatePurpose() || !p.objects().isEmpty()) {
                    held++;
                    System.out.printf("PL-NAME\t%s\tprivate=%s act=%s objects=%s\t%s%n", v.code(), p.privatePurpose(), p.act(), p.objects(), v.name());
                }
            }
            System.out.printf("PL-NAMES\t%d names read private or naming an unserved object%n", held);
        }
    }
}
