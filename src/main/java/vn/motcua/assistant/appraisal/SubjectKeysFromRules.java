package vn.motcua.assistant.appraisal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.spi.SubjectKeys;

/**
 * The dossier's port {@link SubjectKeys} from the appraisal rules: a procedure's {@code subject} paths
 * ({@code data/catalogue/appraisal/<code>.yml}) are one kind, named by the paths, indexed only when every one of them
 * is filled in (as the duplicate check always asked). Changing a procedure's subject paths changes the kind: dossiers
 * stored before keep the old kind and are not compared with new ones (no re-indexing is built).
 */
@Component
class SubjectKeysFromRules implements SubjectKeys {

    private final RuleBook rules;

    SubjectKeysFromRules(RuleBook rules) {
        this.rules = rules;
    }

    @Override
    public Map<String, List<String>> subject(String procedureCode, Map<String, Object> form) {
        List<String> paths = rules.of(procedureCode).subject();
        if (paths.isEmpty()) {
            return Map.of();
        }
        List<String> values = new ArrayList<>(paths.size());
        for (String path : paths) {
            String v = RuleEngine.text(form, path);
            if (v == null) {
                return Map.of();
            }
            values.add(v);
        }
        return Map.of(String.join(",", paths), values);
    }
}
