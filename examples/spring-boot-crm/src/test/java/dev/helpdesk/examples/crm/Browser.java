package dev.helpdesk.examples.crm;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by the chromedriver of the Debian packages, both named by path so
 * that Selenium never looks for (or downloads) a browser or driver of its own. Without them the
 * browser tests fail and say what to install; they never skip.
 */
final class Browser implements AutoCloseable {
    /** Where the screenshots go, under the module's target folder. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.base = base;
    }

    /** Starts a browser on the CRM at a port. */
    static Browser open(int port) {
        File chromium = executable("chromium", System.getProperty("crm.chromium", "/usr/bin/chromium"));
        File chromedriver = executable("chromedriver", System.getProperty("crm.chromedriver", "/usr/bin/chromedriver"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // --no-sandbox: the build runs as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--force-device-scale-factor=1", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    static File executable(String what, String path) {
        File file = new File(path);
        if (!file.canExecute()) {
            throw new IllegalStateException("The browser tests need " + what + " at " + path + ". Install Debian's "
                    + "packages with: apt-get install -y chromium chromium-driver (or name other paths with "
                    + "-Dcrm.chromium=... -Dcrm.chromedriver=...).");
        }
        return file;
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Waits until an element shows a text. */
    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The number at the end of the current page's address ({@code /portal/tickets/12}). */
    long ticketNumber() {
        String url = url();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1).replaceAll("[?#].*", ""));
    }

    void signInAs(String id) {
        go("/login");
        click("#as-" + id);
    }

    void signOut() {
        click("header.top .who button");
        find("#as-carol");
    }

    /** Saves the whole page, also what lies below the window, as a PNG under {@link #SCREENSHOTS}. */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            java.util.Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of());
            java.util.Map<String, Object> size = (java.util.Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) size.get("width")).doubleValue();
            double height = ((Number) size.get("height")).doubleValue();
            java.util.Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", java.util.Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", java.util.Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
