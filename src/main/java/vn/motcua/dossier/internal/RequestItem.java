package vn.motcua.dossier.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** One line of a supplement request or a refusal: which document, and why. */
public record RequestItem(String document, String reason) {

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("document", document);
        m.put("reason", reason);
        return m;
    }
}
