package org.radpair.api.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Headless chromium driven by Selenium through Debian's chromedriver (never a downloaded one), with
 * axe-core checks and screenshots under target/console-screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Path DOWNLOADS = Path.of("target", "console-downloads").toAbsolutePath();

    final WebDriver driver;
    final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Chromium and chromedriver, where installed; empty otherwise (the browser tests then skip). */
    static Optional<String[]> installed() {
        String driverProperty = System.getProperty("radpair.chromedriver");
        String binaryProperty = System.getProperty("radpair.chromium");
        String driver = driverProperty != null ? firstExecutable(driverProperty)
                : firstExecutable("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/usr/local/bin/chromedriver");
        String binary = binaryProperty != null ? firstExecutable(binaryProperty)
                : firstExecutable("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        return driver == null || binary == null ? Optional.empty() : Optional.of(new String[] {driver, binary});
    }

    private static String firstExecutable(String... candidates) {
        return Stream.of(candidates).filter(path -> new File(path).canExecute()).findFirst().orElse(null);
    }

    static Browser start() throws IOException {
        String[] installed = installed().orElseThrow();
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(DOWNLOADS);
        System.setProperty("webdriver.chrome.driver", installed[0]);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installed[1]);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1800", "--lang=en-US");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(installed[0]))
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Saves a screenshot of the whole page as {@code name}.png. */
    Path screenshot(String name) throws IOException {
        // The full height of the page, measured in a short window so that the viewport does not pad it.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 600));
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        long pixels = Math.min(8000, Math.max(600, ((Number) height).longValue()));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, (int) pixels));
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1800));
        return file;
    }

    /** The WCAG 2.1 A and AA violations axe-core finds on the current page, as readable lines. */
    List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        return results.getViolations().stream().map(Browser::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList();
    }

    /** What the browser's console said, and the page: for the message of a failed wait. */
    String diagnostics() {
        StringBuilder text = new StringBuilder("URL ").append(driver.getCurrentUrl()).append("\nbrowser console:\n");
        try {
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                    .forEach(entry -> text.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
        } catch (RuntimeException e) {
            text.append("(unavailable: ").append(e.getMessage()).append(")\n");
        }
        String page = driver.getPageSource();
        return text.append("page:\n").append(page.length() > 4000 ? page.substring(0, 4000) : page).toString();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
