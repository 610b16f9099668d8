package vn.motcua.platform.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.StringUtils;
import vn.motcua.platform.security.PublicEndpoints;

/**
 * The OpenAPI document at {@code /v3/api-docs}: a real info block, the HTTP Basic security scheme on every operation
 * that needs a signed-in account (the rest are the modules' {@link PublicEndpoints}), a description for every
 * operation (its {@code @Operation} description, else {@code api.operation.<operationId>} from the message bundle,
 * else its summary), and the error answers each operation can give, all RFC 9457 problem details with one shared
 * {@code Problem} schema.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Error answers: status → component name and description. */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new String[]{"BadRequest", "The request is malformed or a parameter is invalid "
                + "(problem details; validation errors list each field)."});
        ERRORS.put("401", new String[]{"Unauthorized", "No or wrong HTTP Basic credentials."});
        ERRORS.put("403", new String[]{"Forbidden", "The signed-in account may not do this."});
        ERRORS.put("404", new String[]{"NotFound", "No such resource (or not visible to the caller)."});
        ERRORS.put("409", new String[]{"Conflict", "The resource changed meanwhile or is not in a state that "
                + "allows this; reload and try again."});
        ERRORS.put("422", new String[]{"UnprocessableContent", "The content is well-formed but breaks a rule "
                + "(problem details name the rule)."});
        ERRORS.put("429", new String[]{"TooManyRequests", "Too many requests from this client; retry after the "
                + "number of seconds in Retry-After."});
        ERRORS.put("503", new String[]{"ServiceUnavailable", "The database cannot be reached for the moment; retry "
                + "after the number of seconds in Retry-After."});
    }

    @Bean
    OpenAPI motcuaOpenApi(@Value("${motcua.api.version:}") String version,
                          @Value("${motcua.api.licence.name:Apache-2.0}") String licenceName,
                          @Value("${motcua.api.licence.url:https://www.apache.org/licenses/LICENSE-2.0}") String licenceUrl,
                          @Value("${motcua.api.contact.name:Motcua}") String contactName,
                          @Value("${motcua.api.contact.url:https://motcua.vn}") String contactUrl,
                          @Value("${motcua.api.contact.email:}") String contactEmail) {
        String v = StringUtils.hasText(version) ? version : implementationVersion();
        Contact contact = new Contact().name(contactName).url(contactUrl);
        if (StringUtils.hasText(contactEmail)) {
            contact.email(contactEmail);
        }
        Components components = new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("HTTP Basic with a Motcua account (in demo mode, the demo accounts listed on "
                                + "the login page)."))
                .addSchemas(PROBLEM, problemSchema());
        ERRORS.forEach((status, r) -> components.addResponses(r[0], new ApiResponse().description(r[1])
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        return new OpenAPI()
                .info(new Info().title("Motcua").version(v)
                        .description("Motcua (Một cửa) — the one-stop shop for Vietnamese administrative-procedure "
                                + "dossiers: the procedure catalogue, administrative units and agencies, dossier intake, "
                                + "tracking and processing, working-day deadlines, and reorganisations of units. "
                                + "Every error is RFC 9457 problem details (application/problem+json) with a stable "
                                + "`code` and a `detail` in Vietnamese (English with Accept-Language: en).")
                        .contact(contact)
                        .license(new License().name(licenceName).url(licenceUrl)))
                .components(components);
    }

    private static String implementationVersion() {
        String v = OpenApiConfiguration.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema().description("One invalid field.")
                .addProperty("field", new StringSchema().description("The field or parameter."))
                .addProperty("message", new StringSchema().description("What is wrong with it."));
        return new ObjectSchema().description("RFC 9457 problem details, as every error of this API.")
                .addProperty("type", new StringSchema().format("uri").description("Identifies the kind of problem."))
                .addProperty("title", new StringSchema().description("Short summary of the status."))
                .addProperty("status", new IntegerSchema().description("The HTTP status."))
                .addProperty("detail", new StringSchema().description("What went wrong, in the caller's language."))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request path."))
                .addProperty("code", new StringSchema().description("Stable machine-readable code, e.g. "
                        + "error.validation or error.unavailable."))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("Per-field errors, for validation problems."));
    }

    @Bean
    OpenApiCustomizer motcuaOperations(ObjectProvider<PublicEndpoints> publicEndpoints, MessageSource messages) {
        return openApi -> {
            List<PublicEndpoints> declared = publicEndpoints.orderedStream().toList();
            AntPathMatcher matcher = new AntPathMatcher();
            Set<String> usedTags = new TreeSet<>();
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                boolean isPublic = isPublic(declared, matcher, method, path);
                if (!isPublic) {
                    op.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
                }
                describe(op, messages);
                declareErrors(op, method, path, isPublic);
                if (op.getTags() != null) {
                    usedTags.addAll(op.getTags());
                }
            }));
            List<Tag> tags = openApi.getTags() == null ? new ArrayList<>() : new ArrayList<>(openApi.getTags());
            for (String name : usedTags) {
                if (tags.stream().noneMatch(t -> t.getName().equals(name))) {
                    tags.add(new Tag().name(name).description(name));
                }
            }
            tags.sort(java.util.Comparator.comparing(Tag::getName));
            openApi.setTags(tags);
        };
    }

    private static boolean isPublic(List<PublicEndpoints> declared, AntPathMatcher matcher, PathItem.HttpMethod method,
                                    String path) {
        List<String> patterns = switch (method) {
            case GET -> declared.stream().flatMap(p -> p.publicGetPaths().stream()).toList();
            case POST -> declared.stream().flatMap(p -> p.publicPostPaths().stream()).toList();
            default -> List.of();
        };
        return patterns.stream().anyMatch(p -> matcher.match(p, path));
    }

    private static void describe(Operation op, MessageSource messages) {
        if (StringUtils.hasText(op.getDescription())) {
            return;
        }
        String fromBundle = op.getOperationId() == null ? null
                : messages.getMessage("api.operation." + op.getOperationId(), null, null, Locale.ENGLISH);
        if (StringUtils.hasText(fromBundle)) {
            op.setDescription(fromBundle);
        } else if (StringUtils.hasText(op.getSummary())) {
            op.setDescription(op.getSummary() + ".");
        } else if (op.getOperationId() != null) {
            String words = op.getOperationId().replaceAll("_\\d+$", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            op.setSummary(StringUtils.capitalize(words));
            op.setDescription(StringUtils.capitalize(words) + ".");
        }
    }

    private static void declareErrors(Operation op, PathItem.HttpMethod method, String path, boolean isPublic) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        boolean hasInput = (op.getParameters() != null && !op.getParameters().isEmpty()) || op.getRequestBody() != null;
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        List<String> statuses = new ArrayList<>();
        if (hasInput) {
            statuses.add("400");
        }
        if (!isPublic) {
            statuses.add("401");
            statuses.add("403");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (writes && !isPublic) {
            statuses.add("409");
        }
        if (writes || op.getRequestBody() != null) {
            statuses.add("422");
        }
        statuses.add("429");
        statuses.add("503");
        for (String status : statuses) {
            ApiResponse existing = responses.get(status);
            boolean problem = existing != null && (existing.get$ref() != null
                    || existing.getContent() != null && existing.getContent().containsKey(PROBLEM_JSON));
            if (!problem) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + ERRORS.get(status)[0]));
            }
        }
        op.setResponses(responses);
    }
}
