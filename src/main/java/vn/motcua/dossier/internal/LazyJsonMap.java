package vn.motcua.dossier.internal;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An unmodifiable map read from a JSON object's text, parsed once, on first access (thread-safe). A dossier row's
 * {@code form_data} comes as one: most actions read the row (to lock it, or {@code UPDATE … RETURNING}) and never look
 * at the form, so they no longer pay for parsing it. Once parsed it is exactly the map the parser gave (same entries,
 * same order), read-only at the top level; {@code equals} and {@code hashCode} are those of any {@link Map}. A JSON
 * {@code null} reads as an empty map.
 */
final class LazyJsonMap extends AbstractMap<String, Object> {

    private final String json;
    private final Function<String, Map<String, Object>> parser;
    private volatile Map<String, Object> parsed;

    /** @param parser turns the JSON text into a map (called at most once, on the first access) */
    LazyJsonMap(String json, Function<String, Map<String, Object>> parser) {
        this.json = json;
        this.parser = parser;
    }

    /** The JSON text this map was read from. */
    String json() {
        return json;
    }

    /** Whether the text has been parsed yet (for tests). */
    boolean isParsed() {
        return parsed != null;
    }

    private Map<String, Object> parsed() {
        Map<String, Object> m = parsed;
        if (m == null) {
            synchronized (this) {
                m = parsed;
                if (m == null) {
                    Map<String, Object> read = parser.apply(json);
                    m = read == null ? Map.of() : Collections.unmodifiableMap(read);
                    parsed = m;
                }
            }
        }
        return m;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return parsed().entrySet();
    }

    @Override
    public Object get(Object key) {
        return parsed().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return parsed().containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return parsed().containsValue(value);
    }

    @Override
    public int size() {
        return parsed().size();
    }

    @Override
    public boolean isEmpty() {
        return parsed().isEmpty();
    }

    @Override
    public Set<String> keySet() {
        return parsed().keySet();
    }

    @Override
    public Collection<Object> values() {
        return parsed().values();
    }

    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void putAll(Map<? extends String, ?> m) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean equals(Object o) {
        return o == this || parsed().equals(o);
    }

    @Override
    public int hashCode() {
        return parsed().hashCode();
    }

    @Override
    public String toString() {
        return parsed().toString();
    }
}
