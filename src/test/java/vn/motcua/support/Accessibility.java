package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * axe-core on every page a browser test visits, at phone (390×844) and desktop (1366×900) widths: each new document
 * (and each htmx swap) is audited the first time the test touches the driver after it has loaded, before it leaves
 * the page, and at the end. Violations of impact critical or serious are collected; {@link BrowserSession#close()}
 * fails the test when there are any. axe-core comes from npm into {@code .tools/} ({@code .ci/run} installs it);
 * where it is missing the audit is skipped with a notice, except on CI ({@code CI=true}), where it fails.
 *
 * <p>Every page's counts are appended to {@code target/axe/pages.tsv} (url, width, critical, serious, moderate, minor,
 * and the rules behind the moderate and minor ones) so a run can be compared with another.
 */
public final class Accessibility implements WebDriverListener {

    static final Path AXE = Path.of(".tools/node_modules/axe-core/axe.min.js");
    static final Path REPORT = Path.of("target/axe/pages.tsv");
    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESKTOP = new Dimension(1366, 900);
    private static String source;

    private final WebDriver raw;
    private final List<String> violations = new ArrayList<>();
    private int pages;
    private boolean auditing;

    private Accessibility(WebDriver raw) {
        this.raw = raw;
    }

    /** The driver the tests use: every call goes to {@code raw}, with the audit around navigation and clicks. */
    public static Checked wrap(WebDriver raw) {
        Accessibility audit = new Accessibility(raw);
        WebDriver decorated = new EventFiringDecorator<>(audit).decorate(raw);
        return new Checked(decorated, audit);
    }

    public record Checked(WebDriver driver, Accessibility audit) {
    }

    static synchronized String axeSource() {
        if (source == null) {
            if (!Files.isReadable(AXE)) {
                String notice = "the accessibility audit needs axe-core: npm install --prefix .tools axe-core@4";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException("CI=true but no axe-core: " + notice);
                }
                System.err.println("NOTICE: skipping the accessibility audit; " + notice);
                source = "";
            } else {
                try {
                    source = Files.readString(AXE, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return source;
    }

    /** Critical and serious violations found so far, one line each (page, width, rule, elements). */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many page views were audited (each at both widths). */
    public int pages() {
        return pages;
    }

    @Override
    public void beforeGet(WebDriver driver, String url) {
        audit();
    }

    @Override
    public void afterGet(WebDriver driver, String url) {
        audit();
    }

    @Override
    public void beforeAnyWebDriverCall(WebDriver driver, Method method, Object[] args) {
        String name = method.getName();
        if (name.equals("findElement") || name.equals("findElements") || name.equals("getCurrentUrl")
                || name.equals("getTitle") || name.equals("getPageSource") || name.equals("navigate")) {
            audit();
        }
    }

    @Override
    public void beforeClick(WebElement element) {
        audit();
    }

    @Override
    public void beforeSubmit(WebElement element) {
        audit();
    }

    @Override
    public void beforeQuit(WebDriver driver) {
        audit();
    }

    /** Audits the current document if it has loaded and has not been audited since it loaded or last swapped. */
    public void audit() {
        if (auditing || axeSource().isEmpty()) {
            return;
        }
        auditing = true;
        try {
            JavascriptExecutor js = (JavascriptExecutor) raw;
            Object state = js.executeScript("return document.contentType === 'text/html' && document.readyState === 'complete'"
                    + " && !window.__motcuaAudited && !!document.body");
            if (!Boolean.TRUE.equals(state)) {
                return;
            }
            js.executeScript("window.__motcuaAudited = true;"
                    + "document.body.addEventListener('htmx:afterSettle', function () { window.__motcuaAudited = false; });");
            if (js.executeScript("return typeof window.axe") instanceof String type && !type.equals("object")) {
                js.executeScript(axeSource());
            }
            String url = String.valueOf(js.executeScript("return location.pathname + location.search"));
            Dimension before = raw.manage().window().getSize();
            pages++;
            for (Dimension size : new Dimension[]{PHONE, DESKTOP}) {
                raw.manage().window().setSize(size);
                run(js, url, size.getWidth() == PHONE.getWidth() ? "phone" : "desktop");
            }
            raw.manage().window().setSize(before);
        } catch (WebDriverException e) {
            // A page that went away while it was being audited (a navigation started by the test) is audited on
            // the next page's terms; anything else is a real failure of the audit.
            if (!String.valueOf(e.getMessage()).contains("no such window")
                    && !String.valueOf(e.getMessage()).contains("unload")
                    && !String.valueOf(e.getMessage()).contains("detached")
                    && !String.valueOf(e.getMessage()).contains("document unloaded")) {
                violations.add("audit failed: " + e.getMessage().lines().findFirst().orElse(""));
            }
        } finally {
            auditing = false;
        }
    }

    @SuppressWarnings("unchecked")
    private void run(JavascriptExecutor js, String url, String width) {
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help,"
                + "    nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' — '"
                + "      + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200); })}; }));"
                + "}, function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });");
        List<String> others = new ArrayList<>();
        int critical = 0;
        int serious = 0;
        int moderate = 0;
        int minor = 0;
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            switch (impact) {
                case "critical" -> critical++;
                case "serious" -> serious++;
                case "moderate" -> moderate++;
                default -> minor++;
            }
            if (!impact.equals("critical") && !impact.equals("serious")) {
                others.add(v.get("id") + "(" + impact + ")");
            }
            if (impact.equals("critical") || impact.equals("serious")) {
                violations.add(url + " @" + width + ": " + v.get("id") + " (" + impact + ") " + v.get("help")
                        + "\n      " + String.join("\n      ", (List<String>) v.get("nodes")));
            }
        }
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, url + "\t" + width + "\t" + critical + "\t" + serious + "\t" + moderate + "\t" + minor
                    + "\t" + String.join(" ", others) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
