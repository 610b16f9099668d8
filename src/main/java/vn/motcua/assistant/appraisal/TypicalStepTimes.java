package vn.motcua.assistant.appraisal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The median time of each step of each procedure, for the processing inbox's risk sort, over the dossiers received in
 * the last {@link #WINDOW} and kept {@link #KEEP}. Computing a median reads the procedure's whole history: every
 * request of a risk-sorted inbox did that, which grew with the table (seconds at 10,000,000 dossiers). A median moves
 * slowly, so one computed a few minutes ago rates as well; a (procedure, step) asked for the first time is computed
 * at once (with the rest of its procedure).
 */
@Component
class TypicalStepTimes {

    /** The history a median is taken over: procedures and their steps change, and older work says less. */
    static final Duration WINDOW = Duration.ofDays(365);
    static final Duration KEEP = Duration.ofMinutes(10);

    private record Known(Optional<Double> seconds, Instant at) {
    }

    private final AppraisalQueries queries;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    TypicalStepTimes(AppraisalQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Median seconds by "procedure|step" for the given pairs; pairs without finished work in the window are absent. */
    Map<String, Double> of(Set<String> pairs) {
        Instant now = clock.instant();
        List<String> stale = pairs.stream().filter(p -> {
            Known k = known.get(p);
            return k == null || k.at().plus(KEEP).isBefore(now);
        }).toList();
        if (!stale.isEmpty()) {
            Map<String, Double> fresh = queries.typicalStepSeconds(
                    stale.stream().map(p -> p.substring(0, p.indexOf('|'))).distinct().toList(), now.minus(WINDOW));
            fresh.forEach((pair, s) -> known.put(pair, new Known(Optional.of(s), now)));
            stale.stream().filter(p -> !fresh.containsKey(p)).forEach(p -> known.put(p, new Known(Optional.empty(), now)));
        }
        Map<String, Double> out = new HashMap<>();
        for (String p : pairs) {
            Known k = known.get(p);
            if (k != null && k.seconds().isPresent()) {
                out.put(p, k.seconds().get());
            }
        }
        return out;
    }
}
