package vn.motcua.calendar.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import vn.motcua.platform.security.PublicEndpoints;

/** The calendar, days off and the deadline calculator are public; changing them needs ADMIN. */
@Component
class CalendarPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicGetPaths() {
        return List.of("/api/v1/calendar/**");
    }
}
