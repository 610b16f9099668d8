package vn.motcua.support;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium on the test server, with the sign-in and sign-out steps every journey needs, and axe-core on every
 * page it shows: {@link #close()} fails the test on any critical or serious violation.
 */
public final class BrowserSession implements AutoCloseable {

    private final int port;
    private final ChromeDriver raw;
    private final WebDriver driver;
    private final Accessibility audit;
    private final WebDriverWait wait;

    public BrowserSession(int port) {
        this.port = port;
        this.raw = Browser.start();
        Accessibility.Checked checked = Accessibility.wrap(raw);
        this.driver = checked.driver();
        this.audit = checked.audit();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** The browser, with axe-core run on every page it shows (see {@link Accessibility}). */
    public WebDriver driver() {
        return driver;
    }

    /** The undecorated Chromium, for DevTools (network emulation); pages shown through it are not audited. */
    public ChromeDriver chromium() {
        return raw;
    }

    public Accessibility accessibility() {
        return audit;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Saves the whole page at phone (390 px) and desktop (1366 px) widths as {@code name-phone.png} and
     * {@code name-desktop.png} when asked to ({@code -Dmotcua.screenshots=docs/screenshots}); the window keeps its size.
     */
    public void screenshot(String name) {
        String dir = System.getProperty("motcua.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            java.nio.file.Path out = java.nio.file.Path.of(dir);
            java.nio.file.Files.createDirectories(out);
            org.openqa.selenium.Dimension before = raw.manage().window().getSize();
            raw.executeScript("window.scrollTo(0, 0)");
            for (int width : new int[]{390, 1366}) {
                raw.manage().window().setSize(new org.openqa.selenium.Dimension(width, width == 390 ? 844 : 900));
                long height = (Long) raw.executeScript("return document.documentElement.scrollHeight");
                raw.manage().window().setSize(new org.openqa.selenium.Dimension(width,
                        (int) Math.min(height + 20, width == 390 ? 3200 : 2200)));
                byte[] png = raw.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
                java.nio.file.Files.write(out.resolve(name + (width == 390 ? "-phone" : "-desktop") + ".png"), png);
            }
            raw.manage().window().setSize(before);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Signs in through the login form as a demo account (password "demo"), starting from no session. */
    public void login(String user) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * After "Nộp hồ sơ" on the online submission page: when the check before submit (issue #18) lists points to
     * confirm (a required document not attached…), confirms them, as a citizen who has read them would.
     */
    public void confirmSubmissionCheck() {
        wait.until(d -> !d.findElements(By.id("receipt-number")).isEmpty() || !d.findElements(By.id("confirm-submit")).isEmpty()
                || !d.findElements(By.id("error-summary")).isEmpty() || !d.findElements(By.id("submit-error")).isEmpty());
        if (!driver.findElements(By.id("confirm-submit")).isEmpty()) {
            driver.findElement(By.id("confirm-submit")).click();
        }
    }

    /** The id of the e-form field at that path: {@code child.birthDate} → {@code f-child-birthDate}. */
    public static String fieldId(String path) {
        return "f-" + path.replaceAll("[^A-Za-z0-9]+", "-");
    }

    /**
     * Sets the e-form field at that path as a person would: picks the option of a list, types a date ({@code yyyy-MM-dd})
     * into its three boxes (ngày / tháng / năm), or replaces a box's text.
     */
    public void set(String path, String value) {
        String id = fieldId(path);
        var element = driver.findElement(By.id(id));
        if ("select".equals(element.getTagName())) {
            new org.openqa.selenium.support.ui.Select(element).selectByValue(value);
        } else if (!driver.findElements(By.id(id + "-year")).isEmpty()) {
            String[] ymd = value.split("-");
            element.clear();
            element.sendKeys(String.valueOf(Integer.parseInt(ymd[2])));
            driver.findElement(By.id(id + "-month")).clear();
            driver.findElement(By.id(id + "-month")).sendKeys(String.valueOf(Integer.parseInt(ymd[1])));
            driver.findElement(By.id(id + "-year")).clear();
            driver.findElement(By.id(id + "-year")).sendKeys(ymd[0]);
        } else {
            element.clear();
            element.sendKeys(value);
        }
    }

    /** Sets every field of a form map; nested maps are sections ({@code prefix + key + "."}). */
    @SuppressWarnings("unchecked")
    public void fill(String prefix, java.util.Map<String, Object> values) {
        for (var e : values.entrySet()) {
            if (e.getValue() instanceof java.util.Map<?, ?> nested) {
                fill(prefix + e.getKey() + ".", (java.util.Map<String, Object>) nested);
            } else {
                set(prefix + e.getKey(), String.valueOf(e.getValue()));
            }
        }
    }

    public void logout() {
        driver.findElement(By.id("nav-logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-login")));
    }

    /**
     * Audits the last page, quits, and fails when axe-core found critical or serious violations on any page visited.
     */
    @Override
    public void close() {
        try {
            audit.audit();
        } finally {
            raw.quit();
        }
        List<String> found = audit.violations();
        if (!found.isEmpty()) {
            throw new AssertionError("axe-core: " + found.size() + " critical or serious violation(s) on "
                    + audit.pages() + " page view(s):\n  " + String.join("\n  ", found));
        }
    }
}
