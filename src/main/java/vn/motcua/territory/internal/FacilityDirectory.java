package vn.motcua.territory.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.territory.HealthFacilities;

/** {@link HealthFacilities} from {@code data/territory/health-facilities-hcm.tsv}, read once at start-up. */
@Component
class FacilityDirectory implements HealthFacilities {

    static final String FILE = "data/territory/health-facilities-hcm.tsv";
    private final List<Facility> facilities;
    private final String version;

    FacilityDirectory() {
        List<Facility> out = new ArrayList<>();
        String v = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ClassPathResource(FILE).getInputStream(),
                StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("# version")) {
                    v = line.substring("# version".length()).strip();
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length < 6) {
                    throw new IllegalStateException(FILE + ": a row with fewer than 6 columns: " + line);
                }
                List<String> aliases = c[2].isBlank() ? List.of()
                        : Arrays.stream(c[2].split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                out.add(new Facility(c[0].strip(), c[1].strip(), aliases, c[3].strip(), c[4].strip(), c[5].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.facilities = List.copyOf(out);
        this.version = v;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<Facility> all() {
        return facilities;
    }

    @Override
    public Optional<Facility> byId(String id) {
        return id == null ? Optional.empty() : facilities.stream().filter(f -> f.id().equalsIgnoreCase(id.strip())).findFirst();
    }

    @Override
    public List<Facility> search(String query, int limit) {
        String[] words = VietnameseText.fold(query).split(" ");
        if (words.length == 0 || words[0].isEmpty()) {
            return List.of();
        }
        record Hit(Facility f, int score) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Facility f : facilities) {
            int best = Integer.MAX_VALUE;
            List<String> names = new ArrayList<>();
            names.add(f.name());
            names.addAll(f.aliases());
            for (int i = 0; i < names.size(); i++) {
                String name = VietnameseText.fold(names.get(i));
                if (matches(name, words)) {
                    int score = (i == 0 ? 0 : 10) + (name.startsWith(String.join(" ", words)) ? 0 : 1)
                            + name.length() / 100;
                    best = Math.min(best, score);
                }
            }
            if (best < Integer.MAX_VALUE) {
                hits.add(new Hit(f, best));
            }
        }
        return hits.stream().sorted(Comparator.comparingInt(Hit::score).thenComparing(h -> h.f().name()))
                .limit(limit).map(Hit::f).toList();
    }

    /** Every word typed begins a word of the name (in any order); the last one may be unfinished. */
    private static boolean matches(String foldedName, String[] words) {
        String[] nameWords = foldedName.split(" ");
        for (String w : words) {
            if (Arrays.stream(nameWords).noneMatch(n -> n.startsWith(w))) {
                return false;
            }
        }
        return true;
    }
}
