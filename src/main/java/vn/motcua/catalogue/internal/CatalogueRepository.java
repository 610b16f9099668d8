package vn.motcua.catalogue.internal;

import vn.motcua.calendar.WorkingTimeUnit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalogue.Fee;
import vn.motcua.catalogue.OnlineLevel;
import vn.motcua.calendar.PausePolicy;
import vn.motcua.catalogue.Performer;
import vn.motcua.catalogue.ProcedureSummary;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.ProcessStep;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.RequiredDocument;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.AgencyLevel;

/** Reads and writes procedures and versions with JdbcClient. */
@Repository
public class CatalogueRepository {

    static final String VERSION_SELECT = """
            select p.code, p.name, p.field, p.levels, p.level_text, p.applicant_types, p.result, p.legal_basis,
                   v.id, v.version_no, v.status, v.valid_from, v.valid_to, v.processing_amount, v.processing_unit,
                   v.processing_raw, v.required_documents::text docs, v.fees::text fees, v.online_level,
                   v.channels::text channels, v.process::text process, v.pause_policy, v.performer_text,
                   v.performer_level, v.performer_kind, v.performer_sector, v.steps_text, v.needs_review,
                   v.review_notes::text notes, v.eform_schema::text eform
            from catalogue_version v join catalogue_procedure p on p.code = v.procedure_code
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CatalogueRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Channel(String channel, String timeText, ProcessingTime time, String feeText, String description) {
    }

    public Optional<ProcedureVersion> inForce(String code, LocalDate asOf) {
        return jdbc.sql(VERSION_SELECT + """
                where v.procedure_code = :code and v.status = 'PUBLISHED' and v.valid_from <= :d
                  and (v.valid_to is null or :d < v.valid_to)""")
                .param("code", code).param("d", asOf).query(this::map).optional();
    }

    public List<ProcedureVersion> allInForce(LocalDate asOf) {
        return jdbc.sql(VERSION_SELECT + """
                where v.status = 'PUBLISHED' and v.valid_from <= :d and (v.valid_to is null or :d < v.valid_to)
                order by p.code""")
                .param("d", asOf).query(this::map).list();
    }

    public Optional<ProcedureVersion> version(UUID id) {
        return jdbc.sql(VERSION_SELECT + " where v.id = :id").param("id", id).query(this::map).optional();
    }

    public List<ProcedureVersion> versions(String code) {
        return jdbc.sql(VERSION_SELECT + " where v.procedure_code = :code order by v.version_no")
                .param("code", code).query(this::map).list();
    }

    public Optional<String> eformSchema(UUID versionId) {
        return jdbc.sql("select eform_schema::text from catalogue_version where id = :id").param("id", versionId)
                .query(String.class).optional().filter(s -> s != null);
    }

    public Optional<ProcedureSummary> procedure(String code) {
        return jdbc.sql("select code, name, field, level_text, detailed from catalogue_procedure where code = :c")
                .param("c", code).query(CatalogueRepository::summary).optional();
    }

    public int countProcedures(boolean detailedOnly) {
        return jdbc.sql("select count(*) from catalogue_procedure" + (detailedOnly ? " where detailed" : ""))
                .query(Integer.class).single();
    }

    public List<String> fields() {
        return jdbc.sql("select distinct field from catalogue_procedure where field is not null order by field")
                .query(String.class).list();
    }

    public List<ProcedureSummary> browse(String field, String level, int limit, int offset) {
        return jdbc.sql("""
                select code, name, field, level_text, detailed from catalogue_procedure
                where (cast(:field as text) is null or field = :field)
                  and (cast(:level as text) is null or (',' || levels || ',') like '%,' || :level || ',%')
                order by detailed desc, name limit :limit offset :offset""")
                .param("field", field).param("level", level).param("limit", limit).param("offset", offset)
                .query(CatalogueRepository::summary).list();
    }

    public List<ProcedureSummary> flagged(int limit) {
        return jdbc.sql("""
                select p.code, p.name, p.field, p.level_text, p.detailed from catalogue_procedure p
                where exists (select 1 from catalogue_version v where v.procedure_code = p.code and v.needs_review)
                order by p.code limit :limit""").param("limit", limit).query(CatalogueRepository::summary).list();
    }

    static ProcedureSummary summary(ResultSet rs, int i) throws SQLException {
        return new ProcedureSummary(rs.getString("code"), rs.getString("name"), rs.getString("field"),
                rs.getString("level_text"), rs.getBoolean("detailed"));
    }

    public List<Channel> channels(UUID versionId) {
        String s = jdbc.sql("select channels::text from catalogue_version where id = :id").param("id", versionId)
                .query(String.class).single();
        return json.readValue(s, new TypeReference<List<Channel>>() { });
    }

    /** A process step as stored in {@code catalogue_version.process}; the role is text (see {@link #role}). */
    private record StoredStep(int order, String code, String name, String role, ProcessingTime quota) {
    }

    private List<ProcessStep> process(String text) {
        return json.readValue(text, new TypeReference<List<StoredStep>>() { }).stream()
                .map(s -> new ProcessStep(s.order(), s.code(), s.name(), role(s.role()), s.quota())).toList();
    }

    /**
     * The one conversion from a stored step role to territory's post role. Steps are written with the post
     * role's name; versions imported before that carry the account role names ({@code RECEPTION_OFFICER},
     * {@code UNIT_LEADER}, {@code HANDLING_OFFICER}) or Vietnamese ones ({@code TIEP_NHAN}, {@code LANH_DAO}).
     */
    static PostRole role(String stored) {
        String r = stored == null ? "" : stored.strip().toUpperCase(java.util.Locale.ROOT);
        for (PostRole p : PostRole.values()) {
            if (p.name().equals(r)) {
                return p;
            }
        }
        if (r.contains("LEADER") || r.contains("LANH_DAO")) {
            return PostRole.LEADER;
        }
        if (r.contains("RECEPTION") || r.contains("TIEP_NHAN")) {
            return PostRole.RECEPTION;
        }
        return PostRole.HANDLING;
    }

    private ProcedureVersion map(ResultSet rs, int i) throws SQLException {
        Integer amount = (Integer) rs.getObject("processing_amount");
        ProcessingTime time = amount == null ? null
                : new ProcessingTime(amount, WorkingTimeUnit.valueOf(rs.getString("processing_unit")));
        List<Channel> channels = json.readValue(rs.getString("channels"), new TypeReference<List<Channel>>() { });
        String levels = rs.getString("levels");
        String plevel = rs.getString("performer_level");
        String pkind = rs.getString("performer_kind");
        return new ProcedureVersion(rs.getString("code"), rs.getString("name"), rs.getString("field"),
                levels == null || levels.isEmpty() ? List.of() : Arrays.asList(levels.split(",")),
                rs.getObject("id", UUID.class), rs.getInt("version_no"),
                ProcedureVersion.Status.valueOf(rs.getString("status")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), time, rs.getString("processing_raw"),
                json.readValue(rs.getString("docs"), new TypeReference<List<RequiredDocument>>() { }),
                json.readValue(rs.getString("fees"), new TypeReference<List<Fee>>() { }),
                OnlineLevel.valueOf(rs.getString("online_level")),
                channels.stream().map(Channel::channel).distinct().toList(),
                process(rs.getString("process")),
                PausePolicy.valueOf(rs.getString("pause_policy")),
                new Performer(plevel == null ? null : AgencyLevel.valueOf(plevel),
                        pkind == null ? null : AgencyKind.valueOf(pkind), rs.getString("performer_sector"),
                        rs.getString("performer_text")),
                rs.getString("applicant_types"), rs.getString("result"), rs.getString("legal_basis"),
                rs.getString("steps_text"), rs.getBoolean("needs_review"),
                json.readValue(rs.getString("notes"), new TypeReference<List<String>>() { }));
    }
}
