package io.bilan.engine.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven through its chromedriver, as the browser tests of the pages use it. Without
 * them the tests fail saying what to install, unless {@code BILAN_SKIP_BROWSER_TESTS=true} allows skipping them.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("BILAN_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("BILAN_CHROMEDRIVER", "/usr/bin/chromedriver");
    /** Where screenshots are kept, as test artifacts. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh browser (its own profile: no cookie of another). */
    public static Browser start() throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            String message = "the browser tests of the pages need Chromium and its driver: " + CHROMIUM + " and "
                    + CHROMEDRIVER + " were not found. On Debian or Ubuntu: sudo apt-get install -y chromium "
                    + "chromium-driver (or set BILAN_CHROMIUM and BILAN_CHROMEDRIVER). Set BILAN_SKIP_BROWSER_TESTS=true "
                    + "to skip them on a machine that cannot have them; CI always runs them.";
            if ("true".equals(System.getenv("BILAN_SKIP_BROWSER_TESTS"))) {
                Assumptions.abort(message);
            }
            Assertions.fail(message);
        }
        Path profile = Files.createTempDirectory("bilan-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=en-GB", "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    /** The driven browser, for tests outside this package. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Checks the page with axe-core: no serious or critical violation of WCAG 2.0 to 2.2, A and AA. */
    public void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe).toList();
        Assertions.assertEquals(List.of(), serious, "axe-core on " + page + " (" + driver.getCurrentUrl() + ")");
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList();
    }

    /** The elements that reach past the window's right edge, as "tag#id (right edge)", or "" when none does. */
    private static final String WIDER_THAN_THE_WINDOW = """
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) { return ''; }
            return Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + '#' + e.id + ' (' + Math.round(e.getBoundingClientRect().right) + ')')
                .join(', ');
            """;

    /**
     * Keeps a screenshot of the page at a phone's or a desktop's width, as {@code target/screenshots/<name>.png}, and
     * checks that the page does not scroll sideways at that width.
     */
    public void screenshot(String name, int width) throws IOException {
        screenshot(name, width, null);
    }

    /** A screenshot with {@code target} scrolled to the top of the window. */
    public void screenshot(String name, int width, org.openqa.selenium.By target) throws IOException {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, width < 600 ? 844 : 900));
        if (target != null) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(target));
        }
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        Object wider = driver.executeScript(WIDER_THAN_THE_WINDOW);
        Assertions.assertEquals("", wider, name + ": the page is wider than a window " + width + " pixels wide, "
                + "so it scrolls sideways");
        driver.manage().window().setSize(before);
        driver.executeScript("window.scrollTo(0, 0)");
    }

    /**
     * Waits until {@code condition} holds, through pages replaced meanwhile. A page may be replaced between finding an
     * element and reading it (a form sent, a link followed, a language switched): Chromium then says the element is
     * stale, or, through its inspector, that the node "does not belong to the document"; either way the next look
     * finds the new page's element.
     */
    static <T> T waitThroughReplacedPages(WebDriver driver, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(page -> {
                    try {
                        return condition.apply(page);
                    } catch (WebDriverException replaced) {
                        if (isReplaced(replaced)) {
                            return null;
                        }
                        throw replaced;
                    }
                });
    }

    /**
     * Waits until the page {@code element} belongs to has been replaced, as {@code ExpectedConditions.stalenessOf}
     * does, taking Chromium's "does not belong to the document" for what it means: the element's page is gone.
     */
    static void waitUntilReplaced(WebDriver driver, WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(page -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException gone) {
                if (isReplaced(gone)) {
                    return true;
                }
                throw gone;
            }
        });
    }

    private static boolean isReplaced(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
