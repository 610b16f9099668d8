package vn.motcua.catalogue;

import vn.motcua.calendar.ProcessingTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.catalogue.imports.ImportReport;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class CatalogueImportTest {

    @Autowired
    CatalogueImporter importer;
    @Autowired
    Catalogue catalogue;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void load() {
        importer.importAll();
    }

    @Test
    void realFilesGive593DetailedAndAbout2600ListedProceduresAndReimportIsANoOp() {
        ImportReport report = importer.lastReport().orElseThrow();
        System.out.println(report.summary());
        report.refused().forEach(r -> System.out.println(r.code() + " | " + r.listedName() + " | " + r.detailName()));
        // 610 detail records; 17 carry another procedure's page under their code and are refused (session 15)
        assertThat(report.refused()).extracting(ImportReport.Refusal::code).containsExactlyInAnyOrder(
                "1.002544", "1.014208", "2.001428", "2.001709", "3.000224", "3.000226", "3.000243", "3.000244",
                "3.000246", "3.000272", "3.000274", "3.000283", "3.000284", "3.000285", "3.000286", "3.000331",
                "3.000332");
        assertThat(report.detailed()).isEqualTo(593);
        assertThat(report.summary()).contains("details refused (name mismatch) 17");
        assertThat(jdbc.sql("select count(*) from catalogue_procedure where detailed").query(Integer.class).single())
                .isEqualTo(593);
        assertThat(jdbc.sql("select name from catalogue_procedure where code = '2.001709'").query(String.class).single())
                .isEqualTo("Tuyển lao động hợp đồng trong Công an nhân dân (thực hiện tại cấp tỉnh)");
        assertThat(jdbc.sql("select needs_review from catalogue_version where procedure_code = '3.000243' and source = 'IMPORT'")
                .query(Boolean.class).single()).isTrue();
        int total = jdbc.sql("select count(*) from catalogue_procedure").query(Integer.class).single();
        assertThat(total).isBetween(2500, 2700);
        assertThat(report.listed()).isBetween(2500, 2700);
        int versions = jdbc.sql("select count(*) from catalogue_version where source = 'IMPORT'").query(Integer.class).single();
        assertThat(versions).isEqualTo(total);
        // most details are parsed; what is not is flagged with reasons
        // ~100 publish calendar days, months or nothing: those keep their text and are flagged
        assertThat(report.timeParsed()).isGreaterThan(480);
        assertThat(jdbc.sql("select count(*) from catalogue_version v join catalogue_procedure p on p.code = v.procedure_code "
                + "where p.detailed and v.processing_amount is null and not v.needs_review").query(Integer.class).single()).isZero();
        assertThat(report.documentsParsed()).isGreaterThan(550);
        assertThat(report.flags()).allSatisfy(f -> assertThat(f.notes()).isNotEmpty());

        ImportReport again = importer.importAll();
        assertThat(again.skipped()).isTrue();
        assertThat(again.procedureRowsWritten()).isZero();
        assertThat(again.versionsCreated()).isZero();
        assertThat(jdbc.sql("select count(*) from catalogue_procedure").query(Integer.class).single()).isEqualTo(total);
        assertThat(jdbc.sql("select count(*) from catalogue_version where source = 'IMPORT'").query(Integer.class).single())
                .isEqualTo(versions);
    }

    @Test
    void birthRegistrationIsParsedFromTheFlattenedTables() {
        ProcedureVersion v = catalogue.versionInForce("1.001193", LocalDate.of(2026, 1, 5)).orElseThrow();
        assertThat(v.name()).isEqualTo("Thủ tục đăng ký khai sinh");
        assertThat(v.field()).isEqualTo("Hộ tịch");
        assertThat(v.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(v.processingTime()).isEqualTo(ProcessingTime.workingDays(1));
        assertThat(v.fees()).isNotEmpty().allSatisfy(f -> assertThat(f.free()).isTrue());
        assertThat(v.requiredDocuments()).extracting(RequiredDocument::name)
                .anySatisfy(n -> assertThat(n).startsWith("Giấy chứng sinh"));
        assertThat(v.performer().kind()).isEqualTo(vn.motcua.territory.AgencyKind.PEOPLES_COMMITTEE);
        assertThat(v.performer().level()).isEqualTo(vn.motcua.territory.AgencyLevel.COMMUNE);
        assertThat(v.process()).extracting(ProcessStep::code).containsExactly("RECEPTION", "APPRAISAL", "APPROVAL", "RETURN");
        assertThat(v.process().stream().mapToInt(s -> s.quota().inWorkingHours()).sum()).isEqualTo(8);
        assertThat(catalogue.versionInForce("1.001193", LocalDate.of(2025, 6, 30))).isEmpty();
    }

    @Test
    void permanentResidenceHasTimeFeesAndCommunePolice() {
        ProcedureVersion v = catalogue.versionInForce("1.004222", LocalDate.of(2026, 1, 5)).orElseThrow();
        assertThat(v.processingTime()).isEqualTo(ProcessingTime.workingDays(7));
        assertThat(v.fees()).extracting(Fee::amount).contains(10_000L, 20_000L);
        assertThat(v.performer().kind()).isEqualTo(vn.motcua.territory.AgencyKind.POLICE);
        assertThat(v.performer().level()).isEqualTo(vn.motcua.territory.AgencyLevel.COMMUNE);
        assertThat(v.onlineLevel()).isNotEqualTo(OnlineLevel.NONE);
    }

    @Test
    void searchFindsBirthRegistrationFirstWithOrWithoutDiacritics() {
        assertThat(catalogue.search("dang ky khai sinh", 5)).first().extracting(ProcedureSummary::code).isEqualTo("1.001193");
        assertThat(catalogue.search("đăng ký khai sinh", 5)).first().extracting(ProcedureSummary::code).isEqualTo("1.001193");
        assertThat(catalogue.search("ĐĂNG KÝ KHAI SINH", 5)).first().extracting(ProcedureSummary::code).isEqualTo("1.001193");
        // a small typo
        assertThat(catalogue.search("dang ki khai sinh", 5)).extracting(ProcedureSummary::code).contains("1.001193");
        assertThat(catalogue.search("thuong tru", 10)).extracting(ProcedureSummary::code).contains("1.004222");
        assertThat(catalogue.search("zzzqqq", 5)).isEmpty();
    }
}
