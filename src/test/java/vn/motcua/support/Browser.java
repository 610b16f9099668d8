package vn.motcua.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}). Where
 * they are missing, browser tests are skipped with a notice — except on CI ({@code CI=true}), where
 * a missing browser fails the build.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String notice = "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, "
                    + "/usr/bin/chromedriver); install them with: apt-get install chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but no browser: " + notice);
            }
            System.err.println("NOTICE: skipping browser test. " + notice);
            Assumptions.abort(notice);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=390,900", "--lang=vi");
        try {
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("motcua-chromium"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
