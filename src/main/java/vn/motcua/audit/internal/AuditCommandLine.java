package vn.motcua.audit.internal;

import java.io.PrintStream;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.audit.Verification;

/**
 * The verifier on the command line: started with {@code --motcua.audit.verify=2026-12-01..2026-12-06} (or one day),
 * the application verifies those days, prints the result as JSON and exits with 0 when every chain matches, 1 when a
 * row does not, 2 when the range is wrong. E.g.
 * {@code java -jar motcua.jar --spring.main.web-application-type=none --motcua.seed-on-start=false
 * --motcua.audit.verify=2026-12-01..2026-12-06}.
 */
@Component
class AuditCommandLine implements ApplicationRunner {

    private final ChainVerifier verifier;
    private final JsonMapper json;
    private final ApplicationContext context;
    private final String range;

    AuditCommandLine(ChainVerifier verifier, JsonMapper json, ApplicationContext context,
                     @Value("${motcua.audit.verify:}") String range) {
        this.verifier = verifier;
        this.json = json;
        this.context = context;
        this.range = range;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!range.isBlank()) {
            int code = run(range, System.out);
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    int run(String range, PrintStream out) {
        LocalDate from;
        LocalDate to;
        try {
            String[] parts = range.strip().split("\\.\\.", -1);
            from = LocalDate.parse(parts[0]);
            to = parts.length > 1 ? LocalDate.parse(parts[1]) : from;
            if (parts.length > 2 || to.isBefore(from)) {
                throw new IllegalArgumentException(range);
            }
        } catch (RuntimeException e) {
            out.println("motcua.audit.verify: expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, got " + range);
            return 2;
        }
        Verification v = verifier.verify(from, to);
        out.println(json.writeValueAsString(v));
        return v.ok() ? 0 : 1;
    }
}
