package org.mash.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the end-to-end tests: Debian's {@code chromium}, headless, driven through Debian's
 * {@code chromedriver} (both paths can be changed with {@code -Dmash.chromium} and {@code -Dmash.chromedriver};
 * nothing is downloaded). One per person, so each has their own cookies, as on their own computer.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of(System.getProperty("mash.screenshots", "target/screenshots"));
    static final Duration WAIT = Duration.ofSeconds(60);

    final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
        // a page that changes under a wait (a navigation after a click, a live refresh) replaces the element being
        // read: read it again rather than fail
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    static boolean available() {
        return new File(chromium()).canExecute() && new File(chromedriver()).canExecute();
    }

    static Browser open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver())).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    private static String chromium() {
        return System.getProperty("mash.chromium", "/usr/bin/chromium");
    }

    private static String chromedriver() {
        return System.getProperty("mash.chromedriver", "/usr/bin/chromedriver");
    }

    /** Opens a page; Keycloak's sign-in page comes first, as for a person: fill it in, and land on the page. */
    Browser signIn(String url, String username) {
        driver.get(url);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(origin(url)));
        return this;
    }

    Browser go(String url) {
        driver.get(url);
        return this;
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Browser type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Sets a field's value as the browser's own date and time pickers would (their typing differs by locale). */
    Browser set(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(By.id(id)), value);
        return this;
    }

    Browser choose(String id, String value) {
        new Select(find(By.id(id))).selectByValue(value);
        return this;
    }

    Browser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Waits until the page shows this text (the page may change by itself: a live refresh). */
    Browser awaitText(String text) {
        try {
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("the page at " + driver.getCurrentUrl() + " never showed '" + text + "'; it shows:\n"
                    + text(), e);
        }
        return this;
    }

    /** Waits until an element's text is no longer what it was, the page not reloaded (a live update). */
    Browser awaitFigureChange(String id, String before) {
        Object marker = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.mashMarker = Math.random();");
        try {
            wait.until(d -> !d.findElement(By.id(id)).getText().equals(before));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("#" + id + " still shows '" + before + "' on " + driver.getCurrentUrl(), e);
        }
        Object still = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.mashMarker;");
        if (!marker.equals(still)) {
            throw new AssertionError("the page was reloaded: the figure must change in place");
        }
        return this;
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String title() {
        return driver.getTitle();
    }

    /** Saves what the screen shows as {@code target/screenshots/<name>.png}, a test artefact. */
    Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
