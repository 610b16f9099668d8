package vn.motcua.dossier.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.spi.PrefillSource;

/** The values a new online form starts with: every {@link PrefillSource}, merged in their order, and their notes. */
@Component
class Prefills {

    private final ObjectProvider<PrefillSource> sources;

    Prefills(ObjectProvider<PrefillSource> sources) {
        this.sources = sources;
    }

    record Prefilled(Map<String, String> values, List<String> notes) {
    }

    Prefilled fill(String procedureCode, String username, Locale locale) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        sources.stream().sorted(Comparator.comparingInt(PrefillSource::order)).forEach(s -> {
            PrefillSource.Filled filled = s.fill(procedureCode, username, locale);
            filled.values().forEach((k, v) -> {
                // a blank value fills an empty slot but never hides what an earlier source knew
                if (v != null && (!v.isBlank() || !values.containsKey(k))) {
                    values.put(k, v);
                }
            });
            notes.addAll(filled.notes());
        });
        return new Prefilled(values, notes);
    }
}
