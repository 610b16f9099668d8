package vn.motcua.assistant.appraisal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The appraisal rules of every procedure that has some, loaded once from {@code data/catalogue/appraisal/*.yml}. */
@Component
public class RuleBook {

    static final String LOCATION = "classpath:data/catalogue/appraisal/*.yml";

    private final Map<String, ProcedureRules> byProcedure;

    public RuleBook() {
        this.byProcedure = load();
    }

    public ProcedureRules of(String procedureCode) {
        return byProcedure.getOrDefault(procedureCode, ProcedureRules.NONE);
    }

    public Map<String, ProcedureRules> all() {
        return byProcedure;
    }

    private static Map<String, ProcedureRules> load() {
        Map<String, ProcedureRules> rules = new LinkedHashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = r.getInputStream()) {
                    Map<String, Object> y = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    ProcedureRules p = ProcedureRules.fromYaml(y);
                    if (!(p.procedure() + ".yml").equals(r.getFilename())) {
                        throw new IllegalStateException(r.getFilename() + " declares procedure " + p.procedure());
                    }
                    for (ProcedureRules.Rule rule : p.rules()) {
                        if (rule.id() == null || rule.source() == null || rule.source().isBlank() || rule.fail() == null) {
                            throw new IllegalStateException(r.getFilename() + ": every rule needs an id, a source and messages");
                        }
                        RuleEngine.requireKnownCheck(rule);
                    }
                    rules.put(p.procedure(), p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(rules);
    }
}
