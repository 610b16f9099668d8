package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.privacy.internal.Register;
import vn.motcua.privacy.internal.RegisterDoc;
import vn.motcua.support.IntegrationTest;

/**
 * The register of personal data against the schema every migration built: a column whose name looks personal must
 * be registered (as personal, or as not personal with a reason), and every registered column must exist. And
 * docs/privacy.md carries the register as it is: run with {@code -Dmotcua.privacy.regenerate=true} to rewrite it.
 */
@IntegrationTest
class PersonalDataRegisterTest {

    /** Names that look like personal data (Law 91/2025: identification, contact, civil-status facts, accounts). */
    static final Pattern LOOKS_PERSONAL = Pattern.compile(
            "name|phone|email|mail|personal|national_id|identity|id_number|cccd|cmnd|passport|tax_code|address|birth"
                    + "|death|gender|sex|ethnic|religio|nationality|health|photo|face|finger|signature|username|recipient"
                    + "|^who|^actor|assignee|_by$|form_data|field_values|^content$|comment|^note$|^body$|serialized");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    record Col(String table, String column) {
        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    List<Col> schema() {
        return jdbc.sql("""
                        select c.table_name, c.column_name from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                          and c.table_name <> 'flyway_schema_history'
                        order by 1, 2
                        """)
                .query((rs, n) -> new Col(rs.getString(1), rs.getString(2))).list();
    }

    @Test
    void everyColumnThatLooksPersonalIsRegistered() {
        Register r = Register.load(json);
        Set<Col> registered = r.tables().stream().flatMap(t -> java.util.stream.Stream.concat(
                        t.columns().stream().map(c -> new Col(t.table(), c.column())),
                        t.notPersonal().keySet().stream().map(c -> new Col(t.table(), c))))
                .collect(Collectors.toSet());
        List<Col> unregistered = new ArrayList<>();
        for (Col c : schema()) {
            if (LOOKS_PERSONAL.matcher(c.column()).find() && !registered.contains(c)) {
                unregistered.add(c);
            }
        }
        assertThat(unregistered)
                .as("columns that look personal and are not in src/main/resources/privacy/register.json: register each "
                        + "under its table's \"columns\" (category, data, purpose, legal basis, retention) or "
                        + "\"notPersonal\" (with the reason)")
                .isEmpty();
    }

    @Test
    void everyRegisteredColumnExistsAndIsWellFormed() {
        Register r = Register.load(json);
        Set<Col> schema = Set.copyOf(schema());
        for (Register.Table t : r.tables()) {
            for (Register.Column c : t.columns()) {
                assertThat(schema).as("registered but not in the schema").contains(new Col(t.table(), c.column()));
                assertThat(c.category()).as(t.table() + "." + c.column()).isIn(r.categories().keySet());
                assertThat(r.legalBasisOf(t, c)).as(t.table() + "." + c.column()).isIn(r.legalBases().keySet());
                assertThat(r.purposeOf(t, c)).as(t.table() + "." + c.column()).isNotBlank();
                assertThat(r.retentionOf(t, c)).as(t.table() + "." + c.column()).isNotBlank();
            }
            t.notPersonal().keySet().forEach(c -> assertThat(schema).contains(new Col(t.table(), c)));
            t.context().forEach(c -> assertThat(schema).as("context column").contains(new Col(t.table(), c)));
            if (t.subject() != null) {
                assertThat(t.exportAs()).as(t.table()).isNotBlank();
            }
        }
        // A new column looking personal is caught (the rule itself).
        assertThat(LOOKS_PERSONAL.matcher("applicant_birth_date").find()).isTrue();
        assertThat(LOOKS_PERSONAL.matcher("owner_phone").find()).isTrue();
        assertThat(LOOKS_PERSONAL.matcher("due_at").find()).isFalse();
    }

    @Test
    void docsPrivacyCarriesTheRegister() throws IOException {
        Path doc = Path.of("docs/privacy.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int start = text.indexOf(RegisterDoc.START);
        int end = text.indexOf(RegisterDoc.END);
        assertThat(start).as("docs/privacy.md has the register markers").isNotNegative();
        String generated = RegisterDoc.markdown(Register.load(json));
        String current = text.substring(start, end + RegisterDoc.END.length());
        if (!current.equals(generated) && Boolean.getBoolean("motcua.privacy.regenerate")) {
            Files.writeString(doc, text.substring(0, start) + generated + text.substring(end + RegisterDoc.END.length()),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("docs/privacy.md is out of date: ./mvnw test -Dtest=PersonalDataRegisterTest "
                + "-Dmotcua.privacy.regenerate=true").isEqualTo(generated);
    }
}
