package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Walks the OpenAPI document and sends generated bad input to every operation, as an administrator, a citizen
 * and anonymously: wrong types, huge strings, NUL, bidi overrides, nulls in arrays, missing or malformed bodies,
 * bad path variables and query parameters. Asserts no 5xx, that every error is {@code application/problem+json},
 * and that a refused request stores nothing (rows of dossier, reorg_plan, dossier_attachment).
 * <p>
 * Bounded by default ({@value #DEFAULT_CASES} cases, a few seconds); more with {@code -Dmotcua.fuzz.cases=N}.
 * The seed is random unless {@code -Dmotcua.fuzz.seed=S} and is printed with every failure, so a failure
 * replays exactly.
 */
@IntegrationTest
class ApiFuzzTest {

    static final int DEFAULT_CASES = 600;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] IDENTITIES = {"quantri", "congdan", null};

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferenceData referenceData;

    record Operation(String method, String path, JsonNode op) {
    }

    @Test
    void noOperationAnswersBadInputWithAServerErrorOrANonProblemError() {
        referenceData.ensureAll();
        long seed = Long.getLong("motcua.fuzz.seed", new Random().nextLong());
        int cases = Integer.getInteger("motcua.fuzz.cases", DEFAULT_CASES);
        Random random = new Random(seed);
        System.out.printf("ApiFuzzTest: seed %d (-Dmotcua.fuzz.seed=%d to replay)%n", seed, seed);
        Http http = new Http(port);
        JsonNode doc = http.get("/v3/api-docs").json();
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> m : p.getValue().properties()) {
                ops.add(new Operation(m.getKey().toUpperCase(), p.getKey(), m.getValue()));
            }
        }
        assertThat(ops).as("operations in /v3/api-docs").hasSizeGreaterThan(40);
        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < cases; i++) {
            // every operation at least once per identity, then at random
            Operation op = i < ops.size() * IDENTITIES.length ? ops.get(i % ops.size()) : ops.get(random.nextInt(ops.size()));
            String user = i < ops.size() * IDENTITIES.length ? IDENTITIES[i / ops.size()] : IDENTITIES[random.nextInt(IDENTITIES.length)];
            Case c = generate(op, doc, random);
            long[] before = counts();
            Http.Response r;
            try {
                r = send(http, c, user);
            } catch (IllegalStateException transport) {
                // the server closed the connection without answering: as much a failure as a 5xx, and replayable
                failures.add("no answer case " + i + " (seed " + seed + "): " + user + " " + c.request() + ": " + causes(transport));
                continue;
            }
            String where = "case " + i + " (seed " + seed + "): " + user + " " + c.request() + " → " + r.status() + " "
                    + r.contentType() + " " + abbreviate(r.body(), 300);
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() >= 500) {
                serverErrors++;
                failures.add("5xx " + where);
            } else if (r.status() >= 400) {
                if (!r.contentType().startsWith("application/problem+json")) {
                    failures.add("not problem+json " + where);
                } else if (!r.body().contains("\"code\"")) {
                    failures.add("no code " + where);
                }
                long[] after = counts();
                if (!java.util.Arrays.equals(before, after)) {
                    failures.add("stored despite refusal " + where);
                }
            }
        }
        System.out.printf("ApiFuzzTest: %d cases over %d operations, statuses %s, seed %d (-Dmotcua.fuzz.seed=%d to replay)%n",
                cases, ops.size(), statuses, seed, seed);
        assertThat(failures).as("seed %d, %d server errors; replay with -Dmotcua.fuzz.seed=%d", seed, serverErrors, seed)
                .isEmpty();
    }

    private long[] counts() {
        return new long[]{
                jdbc.sql("select count(*) from dossier").query(Long.class).single(),
                jdbc.sql("select count(*) from dossier_attachment").query(Long.class).single(),
                jdbc.sql("select count(*) from reorg_plan").query(Long.class).single()};
    }

    // ------------------------------------------------------------------ one case

    record Case(String method, String uri, String contentType, byte[] body, String note) {
        /** Method, path, headers, body length and a glimpse of the body: enough to replay the request by hand. */
        String request() {
            return method + " " + abbreviate(uri, 160) + " (" + uri.length() + " chars) [" + note + "] headers "
                    + (contentType == null ? "{}" : "{Content-Type: " + contentType + "}") + " body "
                    + (body == null ? "none" : body.length + " bytes " + abbreviate(new String(body, StandardCharsets.UTF_8), 160));
        }
    }

    private static Http.Response send(Http http, Case c, String user) {
        HttpRequest.Builder b;
        try {
            b = http.request(c.uri());
        } catch (IllegalArgumentException badUri) {
            b = http.request("/api/v1/procedures?q=x");
        }
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        b.method(c.method(), body);
        if (c.contentType() != null) {
            b.header("Content-Type", c.contentType());
        }
        if (user != null) {
            b.header("Authorization", Http.basic(user, "demo"));
        }
        return http.send(b.build());
    }

    static final String[] BAD_TEXT = {"", " ", "\u0000", "a\u0000b", "x\u202Ey", "\u2066x\u2069", "\u0007", "\uD800",
            "%", "../..", "'; drop table dossier; --", "<script>", "1.5", "-1", "99999999999999999999", "null", "true",
            "ngày\u0301", "😀"};

    static String badText(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "x".repeat(1 + random.nextInt(20_000));
            default -> BAD_TEXT[random.nextInt(BAD_TEXT.length)];
        };
    }

    private static Case generate(Operation op, JsonNode doc, Random random) {
        StringBuilder note = new StringBuilder();
        String path = op.path();
        JsonNode params = op.op().path("parameters");
        List<String> query = new ArrayList<>();
        for (JsonNode p : params) {
            String name = p.get("name").asString();
            String in = p.path("in").asString();
            JsonNode schema = p.path("schema");
            boolean mutate = random.nextInt(3) == 0;
            String value = mutate ? badText(random) : plausible(schema, random);
            if (mutate) {
                note.append(in).append(':').append(name).append(' ');
            }
            if (in.equals("path")) {
                String encoded = random.nextInt(5) == 0 && mutate
                        ? List.of("%2F", "%00", "%2e%2e", "..;", "%25", "a%2Fb").get(random.nextInt(6))
                        : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
                path = path.replace("{" + name + "}", encoded.isEmpty() ? "%20" : encoded);
            } else if (in.equals("query") && (p.path("required").asBoolean(false) || random.nextBoolean())) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if (in.equals("header") && !name.equalsIgnoreCase("Idempotency-Key")) {
                // headers with non-ASCII bytes are tried in InputEdgeTest over a raw socket
            }
        }
        String uri = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        JsonNode requestBody = op.op().path("requestBody");
        if (requestBody.isMissingNode() && !op.method().equals("POST") && !op.method().equals("PUT")) {
            return new Case(op.method(), uri, null, null, note.toString().strip());
        }
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        int shape = random.nextInt(10);
        String contentType = "application/json";
        byte[] body;
        switch (shape) {
            case 0 -> {
                body = null;
                note.append("no body");
            }
            case 1 -> {
                body = "{\"a\":".getBytes(StandardCharsets.UTF_8);
                note.append("truncated JSON");
            }
            case 2 -> {
                contentType = "multipart/form-data; boundary=XX";
                body = "--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--XX--\r\n".getBytes(StandardCharsets.UTF_8);
                note.append("multipart");
            }
            case 3 -> {
                body = List.of("null", "[]", "[null]", "1.5", "\"x\"", "{\"\\u0000\":1}").get(random.nextInt(6))
                        .getBytes(StandardCharsets.UTF_8);
                note.append("odd JSON");
            }
            default -> {
                JsonNode value = value(schema, doc, random, 0);
                int mutations = random.nextInt(4); // sometimes none: a well-formed body must not fail either
                for (int m = 0; m < mutations; m++) {
                    value = mutate(value, random, note);
                }
                body = JSON.writeValueAsBytes(value);
            }
        }
        return new Case(op.method(), uri, body == null ? (random.nextBoolean() ? contentType : null) : contentType, body,
                note.toString().strip());
    }

    /** From the seeded random, not {@code UUID.randomUUID()}, so that a seed replays the same identifiers. */
    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String plausible(JsonNode schema, Random random) {
        String type = schema.path("type").asString("string");
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asString();
        }
        return switch (type) {
            case "integer" -> String.valueOf(random.nextInt(3000));
            case "number" -> "1";
            case "boolean" -> "true";
            default -> "uuid".equals(schema.path("format").asString()) ? uuid(random)
                    : "date".equals(schema.path("format").asString()) ? "2026-01-01" : "79";
        };
    }

    /** A value following the schema (what a careful client would send), to be mutated. */
    private static JsonNode value(JsonNode schema, JsonNode doc, Random random, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            schema = doc.at(ref.substring(1));
        }
        if (depth > 5) {
            return NODES.nullNode();
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        return switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    o.set(p.getKey(), value(p.getValue(), doc, random, depth + 1));
                }
                if (schema.path("additionalProperties").isObject() && o.isEmpty()) {
                    o.put("k", "v");
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                a.add(value(schema.path("items"), doc, random, depth + 1));
                yield a;
            }
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.0);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode("uuid".equals(schema.path("format").asString()) ? uuid(random)
                    : "date".equals(schema.path("format").asString()) ? "2026-01-01" : "Nguyễn Văn An");
        };
    }

    /** Replaces one node somewhere in the tree (or the root) with a bad value. */
    private static JsonNode mutate(JsonNode root, Random random, StringBuilder note) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode bad = badNode(random);
        if (containers.isEmpty() || random.nextInt(8) == 0) {
            note.append("root=").append(abbreviate(bad.toString(), 30)).append(' ');
            return bad;
        }
        JsonNode c = containers.get(random.nextInt(containers.size()));
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = o.propertyNames().iterator();
            it.forEachRemaining(names::add);
            String name = names.isEmpty() || random.nextInt(6) == 0 ? "unknown" + random.nextInt(9) : names.get(random.nextInt(names.size()));
            o.set(name, bad);
            note.append(name).append('=').append(abbreviate(bad.toString(), 30)).append(' ');
        } else if (c instanceof ArrayNode a) {
            if (a.isEmpty()) {
                a.add(bad);
            } else {
                a.set(random.nextInt(a.size()), bad);
            }
            note.append("[i]=").append(abbreviate(bad.toString(), 30)).append(' ');
        }
        return root;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainer()) {
            out.add(n);
            for (JsonNode child : n) {
                collect(child, out);
            }
        }
    }

    private static JsonNode badNode(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.arrayNode().add(NODES.nullNode());
            case 2 -> NODES.objectNode().put("x", 1);
            case 3 -> NODES.numberNode(1.5);
            case 4 -> NODES.numberNode(-1);
            case 5 -> NODES.booleanNode(false);
            case 6 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            default -> NODES.stringNode(badText(random));
        };
    }

    private static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(sb.isEmpty() ? "" : " ← ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        String clean = s.replace("\u0000", "\\0").replace('\n', ' ');
        return clean.length() <= max ? clean : clean.substring(0, max) + "…(" + s.length() + ")";
    }

}
