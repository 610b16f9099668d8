package vn.motcua.catalogue.eforms;

import vn.motcua.platform.time.VietnamTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalogue.EForms;
import vn.motcua.catalogue.FieldError;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.internal.CatalogueRepository;
import vn.motcua.catalogue.internal.CatalogueService;
import vn.motcua.territory.Territory;

/**
 * E-form schemas per procedure version: the version's own schema if an administrator set one, else a
 * hand-written schema shipped in {@code eforms/<code>.json}, else the generic form.
 */
@Service
public class EFormService implements EForms {

    public static final ZoneId VN = VietnamTime.ZONE;

    private final CatalogueService catalogue;
    private final CatalogueRepository repository;
    private final JsonMapper json;
    private final MessageSource messages;
    private final java.util.function.Supplier<Territory> territory;
    private final Map<String, JsonNode> shipped = new ConcurrentHashMap<>();
    private final vn.motcua.catalogue.internal.CatalogueCache cache;

    private record Schema(java.util.UUID versionId, String code) {
    }

    private final java.time.Clock clock;

    public EFormService(CatalogueService catalogue, CatalogueRepository repository, JsonMapper json,
                        MessageSource messages, ObjectProvider<Territory> territory,
                        vn.motcua.catalogue.internal.CatalogueCache cache, java.time.Clock clock) {
        this.clock = clock;
        this.cache = cache;
        this.catalogue = catalogue;
        this.repository = repository;
        this.json = json;
        this.messages = messages;
        // Resolved once (looking a bean up on every call is costly); null while the module is absent.
        this.territory = org.springframework.util.function.SingletonSupplier.ofNullable(territory::getIfAvailable);
    }

    /** The schema of the version in force; 404 when none is. */
    public JsonNode schema(String code, LocalDate asOf) {
        return schema(catalogue.requireInForce(code, asOf));
    }

    /** Read only: the node is shared by every caller through the catalogue cache. */
    public JsonNode schema(ProcedureVersion v) {
        return cache.get(new Schema(v.versionId(), v.code()),
                () -> repository.eformSchema(v.versionId()).map(json::readTree).orElseGet(() -> shipped(v.code())));
    }

    /** Whether a hand-written schema exists for the code. */
    public boolean handWritten(String code) {
        return new ClassPathResource("eforms/" + code + ".json").exists();
    }

    private JsonNode shipped(String code) {
        return shipped.computeIfAbsent(code, c -> {
            ClassPathResource r = new ClassPathResource("eforms/" + c + ".json");
            if (!r.exists()) {
                r = new ClassPathResource("eforms/generic.json");
            }
            try (InputStream in = r.getInputStream()) {
                return json.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public List<FieldError> validate(String procedureCode, LocalDate asOf, Map<String, Object> data) {
        JsonNode schema = schema(procedureCode, asOf);
        LocalDate today = VietnamTime.today(clock);
        Territory t = territory.get();
        var validator = new EFormValidator(today, code -> t == null || t.unit(code, today).isPresent());
        return validator.validate(schema, data).stream()
                .map(p -> new FieldError(p.field(), p.key(),
                        messages.getMessage(p.key(), p.args(), p.key(), LocaleContextHolder.getLocale())))
                .toList();
    }
}
