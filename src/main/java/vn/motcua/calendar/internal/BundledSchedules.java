package vn.motcua.calendar.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.platform.MotcuaProperties;

/** Loads the shipped official schedules ({@code calendar/schedules/YYYY.json}) at start, idempotently. */
@Component
class BundledSchedules {

    private static final Logger log = LoggerFactory.getLogger(BundledSchedules.class);
    private final CalendarService calendar;
    private final MotcuaProperties properties;

    BundledSchedules(CalendarService calendar, MotcuaProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    /** Years with a shipped official schedule file. */
    static List<Integer> shippedYears() {
        try {
            var resources = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath*:calendar/schedules/*.json");
            return java.util.Arrays.stream(resources).map(r -> String.valueOf(r.getFilename()))
                    .filter(n -> n.matches("\\d{4}\\.json")).map(n -> Integer.parseInt(n.substring(0, 4)))
                    .distinct().sorted().toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (properties.seedOnStart()) {
            List<Integer> years = shippedYears();
            int changed = calendar.loadBundled(years);
            log.info("Calendar: {} official schedule(s) loaded or refreshed of {} shipped", changed, years.size());
        }
    }
}
