package vn.motcua.reporting;

import java.util.Locale;
import java.util.Optional;

/** What an indicator is computed for: one agency (by code), a commune-level unit (its agencies), a province. */
public enum Level {
    AGENCY, UNIT, PROVINCE;

    public static Optional<Level> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Level l : values()) {
            if (l.name().equals(s.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
