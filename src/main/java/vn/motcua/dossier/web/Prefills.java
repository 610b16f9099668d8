package vn.motcua.dossier.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.spi.PrefillSource;

/** The values a new online form starts with: every {@link PrefillSource}, merged in their order. */
@Component
class Prefills {

    private final ObjectProvider<PrefillSource> sources;

    Prefills(ObjectProvider<PrefillSource> sources) {
        this.sources = sources;
    }

    Map<String, String> values(String procedureCode, String username) {
        Map<String, String> values = new LinkedHashMap<>();
        sources.stream().sorted(Comparator.comparingInt(PrefillSource::order))
                .forEach(s -> s.prefill(procedureCode, username).forEach((k, v) -> {
                    // a blank value fills an empty slot but never hides what an earlier source knew
                    if (v != null && (!v.isBlank() || !values.containsKey(k))) {
                        values.put(k, v);
                    }
                }));
        return values;
    }
}
