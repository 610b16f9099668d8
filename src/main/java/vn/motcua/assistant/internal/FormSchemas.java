package vn.motcua.assistant.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The e-form schemas as data, read from the class path like the catalogue renders them: {@code eforms/<code>.json} for
 * the 9 hand-written forms, {@code eforms/generic.json} for every other procedure. Read-only; the assistant never changes
 * a form, it only explains, pre-fills and checks one.
 */
final class FormSchemas {

    /** The procedures with a hand-written e-form (the others use the generic form). */
    static final List<String> HAND_WRITTEN = List.of("1.000656", "1.000894", "1.001193", "1.001456", "1.004194",
            "1.004222", "1.004873", "2.000815", "3.000333");

    /**
     * A field of a form, flattened.
     *
     * @param path       {@code applicant.fullName}; fields of a repeatable group carry the group's path
     *                   ({@code members.personalId}) and {@code repeatable} is true
     * @param group      the path of the enclosing group ("" at the top)
     */
    record Field(String path, String name, String group, String type, String label, boolean required, boolean repeatable,
                 String birthDateField) {
    }

    record Schema(String code, boolean handWritten, String title, List<Field> fields) {

        Field field(String path) {
            return fields.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private FormSchemas() {
    }

    static Schema of(String code) {
        String key = HAND_WRITTEN.contains(code) ? code : "generic";
        Schema s = CACHE.computeIfAbsent(key, FormSchemas::read);
        return key.equals(code) ? s : new Schema(code, false, s.title(), s.fields());
    }

    private static Schema read(String key) {
        try (InputStream in = new ClassPathResource("eforms/" + key + ".json").getInputStream()) {
            JsonNode root = JSON.readTree(in);
            List<Field> out = new ArrayList<>();
            walk(root.get("fields"), "", false, out);
            return new Schema(key, !key.equals("generic"), root.path("title").asString(), List.copyOf(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void walk(JsonNode fields, String prefix, boolean repeatable, List<Field> out) {
        if (fields == null) {
            return;
        }
        for (JsonNode f : fields) {
            String name = f.path("name").asString();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            String type = f.path("type").asString();
            boolean rep = repeatable || f.path("repeatable").asBoolean(false);
            if (type.equals("group")) {
                walk(f.get("fields"), path, rep, out);
            } else {
                String birth = f.hasNonNull("birthDateField") ? f.get("birthDateField").asString() : null;
                out.add(new Field(path, name, prefix, type, f.path("label").asString(), f.path("required").asBoolean(false),
                        rep, birth));
            }
        }
    }
}
