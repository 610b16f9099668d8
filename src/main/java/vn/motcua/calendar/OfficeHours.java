package vn.motcua.calendar;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * An agency's office hours on working days (one or more sessions, e.g. 07:30–11:30 and 13:00–17:00)
 * and its same-day cut-off: a dossier received at or after the cut-off counts from the next working
 * day. Times are local to Asia/Ho_Chi_Minh; precision is one second.
 */
public record OfficeHours(List<Session> sessions, LocalTime cutOff) {

    public record Session(LocalTime start, LocalTime end) {
        public Session {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("A session must start before it ends: " + start + "–" + end);
            }
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    /** Mon–Fri 07:30–11:30 and 13:00–17:00, cut-off 15:00. */
    public static final OfficeHours DEFAULT = new OfficeHours(List.of(
            new Session(LocalTime.of(7, 30), LocalTime.of(11, 30)),
            new Session(LocalTime.of(13, 0), LocalTime.of(17, 0))), LocalTime.of(15, 0));

    public OfficeHours {
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(cutOff, "cutOff");
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("Office hours need at least one session");
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
                throw new IllegalArgumentException("Sessions must be in order and must not overlap");
            }
        }
    }

    /** Parses {@code "07:30-11:30,13:00-17:00"}. */
    public static OfficeHours parse(String sessions, LocalTime cutOff) {
        List<Session> list = java.util.Arrays.stream(sessions.split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> {
                    String[] p = s.split("-");
                    if (p.length != 2) {
                        throw new IllegalArgumentException("Not a session: " + s);
                    }
                    return new Session(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim()));
                }).toList();
        return new OfficeHours(list, cutOff);
    }

    /** The sessions as text, e.g. {@code "07:30-11:30,13:00-17:00"}. */
    public String sessionsText() {
        return String.join(",", sessions.stream().map(Session::toString).toList());
    }

    public LocalTime opening() {
        return sessions.get(0).start();
    }

    public LocalTime closing() {
        return sessions.get(sessions.size() - 1).end();
    }
}
