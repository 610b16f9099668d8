package vn.motcua.support;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real Chromium on the test server, with the sign-in and sign-out steps every journey needs. */
public final class BrowserSession implements AutoCloseable {

    private final int port;
    private final WebDriver driver;
    private final WebDriverWait wait;

    public BrowserSession(int port) {
        this.port = port;
        this.driver = Browser.start();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
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

    public void logout() {
        driver.findElement(By.id("nav-logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-login")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
