package vn.motcua.platform.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Before Flyway migrates, checks what the migrations need of the database and its user, and names what is missing in
 * one line (instead of a Flyway stack trace half-way through the migrations): every extension the migrations create
 * (found in their text, so the list never goes stale) must be installed, or available on the server and creatable
 * by this user (a superuser, or — for a trusted extension — a user with CREATE on the database); with migrations
 * pending, the user must be allowed to create tables in its schema. See README, "External PostgreSQL".
 */
@Configuration(proxyBeanMethods = false)
public class DatabasePrerequisites {

    private static final Logger log = LoggerFactory.getLogger(DatabasePrerequisites.class);
    private static final Pattern CREATE_EXTENSION = Pattern.compile(
            "create\\s+extension\\s+(?:if\\s+not\\s+exists\\s+)?\"?([a-z0-9_]+)\"?", Pattern.CASE_INSENSITIVE);

    /** The start-up check fails with this; {@link DatabasePrerequisitesFailureAnalyzer} prints it without a trace. */
    public static final class Missing extends RuntimeException {
        public Missing(String message) {
            super(message);
        }
    }

    @Bean
    FlywayMigrationStrategy checkedMigration() {
        return flyway -> {
            check(flyway.getConfiguration().getDataSource(), requiredExtensions(),
                    flyway.info().pending().length > 0);
            flyway.migrate();
        };
    }

    /** Extensions created by the migrations on the class path. */
    static Set<String> requiredExtensions() {
        Set<String> names = new TreeSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
                try (InputStream in = r.getInputStream()) {
                    Matcher m = CREATE_EXTENSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        names.add(m.group(1).toLowerCase());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the migrations", e);
        }
        return names;
    }

    static void check(DataSource dataSource, Set<String> extensions, boolean migrationsPending) {
        List<String> problems = new ArrayList<>();
        String where;
        try (Connection c = dataSource.getConnection()) {
            where = one(c, "select current_user || ' in database ' || current_database()");
            boolean superuser = "true".equals(one(c, "select rolsuper::text from pg_roles where rolname = current_user"));
            boolean createOnDatabase = "true".equals(
                    one(c, "select has_database_privilege(current_database(), 'CREATE')::text"));
            for (String ext : extensions) {
                try (PreparedStatement ps = c.prepareStatement("""
                        select (select 1 from pg_extension x where x.extname = a.name) is not null,
                               exists (select 1 from pg_available_extension_versions v where v.name = a.name and v.trusted)
                        from pg_available_extensions a where a.name = ?""")) {
                    ps.setString(1, ext);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            problems.add("extension " + ext + " is not available on the server (install PostgreSQL's "
                                    + "contrib modules, e.g. Debian's postgresql-contrib)");
                        } else if (!rs.getBoolean(1) && !superuser && !(rs.getBoolean(2) && createOnDatabase)) {
                            problems.add("extension " + ext + " is not installed and this user may not create it "
                                    + "(as a superuser, in this database: CREATE EXTENSION " + ext + ";)");
                        }
                    }
                }
            }
            if (migrationsPending) {
                String schema = one(c, "select current_schema()");
                if (schema == null) {
                    problems.add("no schema on the search path to create tables in (CREATE SCHEMA "
                            + "<name> AUTHORIZATION <user>;)");
                } else if (!"true".equals(one(c, "select has_schema_privilege(current_schema(), 'CREATE')::text"))) {
                    problems.add("this user may not create tables in schema " + schema + " (GRANT CREATE ON SCHEMA "
                            + schema + " TO <user>;, or give the user a schema of its own)");
                }
            }
        } catch (SQLException e) {
            // Connection failures are reported as they are (wrong URL, password, server down).
            return;
        }
        if (!problems.isEmpty()) {
            String line = "The database is not ready for Motcua (" + where + "): " + String.join("; ", problems)
                    + ". See README, External PostgreSQL.";
            log.error(line);
            throw new Missing(line);
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
