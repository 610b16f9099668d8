package vn.motcua.reorg.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Territory;

/**
 * Builds a plan for one new province from the dvhcvn "merges" mapping (new unit → old units, full/partial): open
 * the province and its new communes, merge the old provinces into it, abolish their districts (functions to the
 * communes), and one MERGE per new commune (partial predecessors are splits, routed by address or to triage).
 */
@Component
class MergesImport {

    static final String SHIPPED = "data/territory/dvhcvn2025_merges_new_to_old.json.gz";

    private final JsonMapper json;
    private final Territory territory;

    MergesImport(JsonMapper json, Territory territory) {
        this.json = json;
        this.territory = territory;
    }

    record Result(PlanDefinition plan, List<String> skippedOldCodes, Map<String, String> aliasedNewCodes) {
    }

    Result build(byte[] body, String province, java.time.Instant effective) {
        if (province == null || province.isBlank()) {
            throw ApiException.badRequest("reorg.import.province", String.valueOf(province));
        }
        JsonNode root = read(body);
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw ApiException.unprocessable("reorg.import.format");
        }
        JsonNode p = null;
        for (JsonNode n : data) {
            if (province.strip().equals(n.path("level1_id").asString(""))) {
                p = n;
            }
        }
        if (p == null) {
            throw ApiException.notFound("reorg.import.noProvince", province);
        }
        LocalDate date = effective.atZone(PlanCompiler.VN).toLocalDate();
        LocalDate before = date.minusDays(1);
        String pc = p.get("level1_id").asString();
        String pname = p.path("name").asString(pc);
        List<PlanDefinition.UnitSpec> open = new ArrayList<>();
        List<PlanDefinition.Operation> ops = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        open.add(new PlanDefinition.UnitSpec(pc, shortName(pname), pname, pname.startsWith("Thành phố") ? "MUNICIPALITY" : "PROVINCE", null));
        List<String> oldProvinces = new ArrayList<>();
        for (JsonNode m : p.path("merges")) {
            String oc = m.get("old_id").asString();
            if (territory.unit(oc, before).isPresent()) {
                oldProvinces.add(oc);
            } else {
                skipped.add(oc);
            }
        }
        ops.add(op("MERGE", null, oldProvinces, List.of(), pc, null, null, null));
        ops.add(new PlanDefinition.Operation("ABOLISH_LEVEL", null, null, null, pc, null, null, null, null, "DISTRICT",
                oldProvinces, "COMMUNE", null, null, null));
        Map<String, String> existingByName = new HashMap<>();
        for (AdministrativeUnit u : territory.children(pc, date)) {
            existingByName.put(VietnameseText.fold(u.fullName()), u.code());
        }
        for (JsonNode l2 : p.path("level2s")) {
            String nc = l2.get("level2_id").asString();
            String full = l2.path("name").asString(nc);
            String byName = existingByName.get(VietnameseText.fold(full));
            if (byName != null && !byName.equals(nc) && territory.unit(nc, date).isEmpty()) {
                aliases.put(nc, byName); // sources disagree on a few codes (Ba Chẽ, Ia Mơ): the unit by name wins
                nc = byName;
            }
            open.add(new PlanDefinition.UnitSpec(nc, shortName(full), full, typeOf(full), pc));
            List<String> fulls = new ArrayList<>();
            List<String> partials = new ArrayList<>();
            for (JsonNode m : l2.path("merges")) {
                String oc = m.get("old_id").asString();
                if (territory.unit(oc, before).isEmpty()) {
                    skipped.add(oc);
                    continue;
                }
                ("partial".equals(m.path("type").asString("")) ? partials : fulls).add(oc);
            }
            if (!fulls.isEmpty() || !partials.isEmpty()) {
                ops.add(op("MERGE", null, fulls, partials, nc, null, null, null));
            }
        }
        String basis = "79".equals(pc) ? "Nghị quyết 202/2025/QH15; Nghị quyết 1685/NQ-UBTVQH15"
                : "Nghị quyết 202/2025/QH15; Nghị quyết của UBTVQH về sắp xếp ĐVHC cấp xã năm 2025";
        PlanDefinition plan = new PlanDefinition("Sắp xếp đơn vị hành chính 2025 — " + pname, effective.toString(), basis,
                open, ops, List.of(), List.of(), List.of(), "KEEP", null, null, null, true);
        return new Result(plan, skipped, aliases);
    }

    private static PlanDefinition.Operation op(String op, String unit, List<String> from, List<String> partial, String into,
                                               String name, String fullName, String type) {
        return new PlanDefinition.Operation(op, unit, from, partial, into, null, name, fullName, type, null, null, null,
                null, null, null);
    }

    static String typeOf(String fullName) {
        if (fullName.startsWith("Phường")) {
            return "WARD";
        }
        if (fullName.startsWith("Đặc khu")) {
            return "SPECIAL_ZONE";
        }
        return "COMMUNE";
    }

    static String shortName(String fullName) {
        for (String prefix : List.of("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ", "Thị trấn ")) {
            if (fullName.startsWith(prefix)) {
                return fullName.substring(prefix.length());
            }
        }
        return fullName;
    }

    /** The largest an uploaded gzip file may inflate to (no decompression bombs). */
    static final long MAX_INFLATED = 256L * 1024 * 1024;

    private static InputStream capped(InputStream in) {
        return new java.io.FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++count > MAX_INFLATED) {
                    throw new IOException("inflated past " + MAX_INFLATED);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && (count += n) > MAX_INFLATED) {
                    throw new IOException("inflated past " + MAX_INFLATED);
                }
                return n;
            }
        };
    }

    private JsonNode read(byte[] body) {
        try (InputStream in = body == null || body.length == 0 ? new GZIPInputStream(new ClassPathResource(SHIPPED).getInputStream(), 1 << 16)
                : body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b
                ? capped(new GZIPInputStream(new ByteArrayInputStream(body))) : new ByteArrayInputStream(body)) {
            return json.readTree(in);
        } catch (JacksonException e) {
            throw ApiException.unprocessable("reorg.import.format");
        } catch (IOException e) {
            if (body == null || body.length == 0) {
                throw new UncheckedIOException(e);
            }
            // A damaged gzip stream, or one that inflates past the cap: the file is refused, not a 500.
            throw ApiException.unprocessable("reorg.import.format");
        }
    }
}
