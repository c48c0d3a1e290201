package io.bilan.engine.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestClock;
import io.bilan.engine.security.Roles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whole bilan through the pages only, in real browsers of their own for a counsellor, the beneficiary and two
 * observers: the counsellor opens the case, holds the preliminary interview and signs the contract, which the
 * beneficiary signs in their pages; invitations are sent and questionnaires answered; two observers rate a role play;
 * the counsellor reads the profile and the options, drafts and submits the synthesis, which the beneficiary approves;
 * both download its PDF; six months later the follow-up is held and the case closed. Then a counsellor of another
 * centre, signed in, and a browser nobody signed in with try every address the walk went through and learn nothing of
 * the case. The only code is what a centre does at the command line (its counsellors' accounts) and the clock moved on
 * to the follow-up. axe-core checks every page; screenshots in French and English are kept in
 * target/screenshots/whole-bilan.
 */
@QuarkusTest
class WholeBilanInTheBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CENTRE = "centre-walk";
    private static final String OTHER_CENTRE = "centre-elsewhere";
    private static final String NAME = "Élodie Marchand";
    private static final String DEMAND = "Leave retail management for a caring occupation";
    private static final String GRID = "roleplay-client-conflict";
    private static final List<String> CRITERIA =
            List.of("listening", "feelings", "calm", "questions", "solutions", "agreement", "closing");
    private static final List<Integer> FIRST_OBSERVER = List.of(3, 2, 4, 3, 2, 1, 4);
    private static final List<Integer> SECOND_OBSERVER = List.of(3, 3, 4, 1, 2, 3, 3);
    /** What the counsellor writes in the synthesis editor, short enough to stay on one line of the PDF. */
    private static final String CIRCUMSTANCES = "Élodie asked for a bilan to leave retail.";
    private static final String STEP = "Nursing school entrance exam";
    private static final String CONCLUSION = "A project that holds together.";

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    private Instant clockBefore;
    private int shots;
    private long started;
    private long lapStarted;
    private long axeNanos;
    private int axeRuns;
    /** How long each part of the walk took, printed at the end. */
    private final List<String> laps = new ArrayList<>();
    private final List<Browser> open = new ArrayList<>();
    /** Every address the walk went through, for the people who must reach none of them. */
    private final Set<String> visited = new LinkedHashSet<>();
    /** The title of the option kept in the synthesis. */
    private String kept;

    @BeforeEach
    void ready() throws Exception {
        CatalogReady.await();
        clockBefore = clock.instant();
        Path screenshots = Files.createDirectories(Browser.SCREENSHOTS.resolve("whole-bilan"));
        // Numbered in the order of the walk: none of an earlier run stays among them.
        try (var files = Files.list(screenshots)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @AfterEach
    void quitAndSetTheClockBack() throws IOException {
        System.out.println("The whole bilan in the browser: " + laps);
        for (Browser browser : open) {
            browser.close();
        }
        clock.set(clockBefore);
    }

    private void lap(String part) {
        long now = System.nanoTime();
        laps.add(part + " " + Duration.ofNanos(now - lapStarted).toMillis() / 100 / 10.0 + " s");
        lapStarted = now;
    }

    // --- people and their browsers ---

    private Browser start() throws IOException {
        Browser browser = Browser.start();
        open.add(browser);
        return browser;
    }

    private void quit(Browser browser) throws IOException {
        open.remove(browser);
        browser.close();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private String path(WebDriver driver) {
        return driver.getCurrentUrl().replace(url(""), "").replaceAll("#.*", "");
    }

    /** Waits until the page says {@code text} at {@code where}: the page a click loads, not the one it leaves. */
    private static void waitFor(WebDriver driver, By where, String text) {
        CaseWork.waitForText(driver, where, text);
    }

    /** Clicks and waits for the page that follows to say {@code text} at {@code where}. */
    private static void click(WebDriver driver, By target, By where, String text) {
        WebElement element = driver.findElement(target);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        waitFor(driver, where, text);
    }

    private static String text(WebDriver driver, By by) {
        return driver.findElement(by).getText();
    }

    private static final By H1 = By.tagName("h1");

    /** axe-core on the page, and its screenshot in the page's language at the person's width. */
    private void check(Browser browser, String page, int width) throws IOException {
        long before = System.nanoTime();
        browser.assertAccessible(page);
        axeNanos += System.nanoTime() - before;
        axeRuns++;
        String lang = browser.driver.findElement(By.tagName("html")).getAttribute("lang");
        browser.screenshot("whole-bilan/" + String.format("%02d", ++shots) + "-" + page + "-" + lang, width);
    }

    /** The page checked in its language, then in the other one chosen with the page's own switch, and back. */
    private void checkInBothLanguages(Browser browser, String page, int width) throws IOException {
        check(browser, page, width);
        String lang = browser.driver.findElement(By.tagName("html")).getAttribute("lang");
        String other = lang.equals("fr") ? "en" : "fr";
        switchTo(browser.driver, other);
        check(browser, page, width);
        switchTo(browser.driver, lang);
    }

    private static void switchTo(WebDriver driver, String lang) {
        driver.findElement(By.cssSelector("nav.languages a[hreflang='" + lang + "']")).click();
        Browser.waitThroughReplacedPages(driver,
                d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    // --- the counsellor's steps in the case page ---

    /** Opens a {@code <details>} of the case page by its summary, the way a person unfolds it. */
    private static void unfold(WebDriver driver, By form) {
        WebElement details = driver.findElement(form).findElement(By.xpath("./ancestor::details"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private static void logSession(WebDriver driver, int minutes, String activities, String hoursLeft) {
        driver.findElement(By.id("session-minutes")).sendKeys(String.valueOf(minutes));
        driver.findElement(By.id("session-activities")).sendKeys(activities);
        click(driver, By.id("log-session"), By.id("hours"), hoursLeft);
    }

    /** Invites the beneficiary to {@code instrument} and returns the link shown once to send them. */
    private String invite(Browser counsellor, String instrument, String status) throws IOException {
        WebDriver driver = counsellor.driver;
        new Select(driver.findElement(By.id("invite-instrument"))).selectByValue(instrument);
        click(driver, By.id("invite"), H1, "Send this link to the beneficiary");
        String link = driver.findElement(By.id("invitation-link")).getAttribute("value");
        assertTrue(link.startsWith(url("/i/")), link);
        check(counsellor, "counsellor-invitation-link-" + instrument, 1280);
        click(driver, By.id("back-to-case"), By.cssSelector("#invitation-list .badge"), status);
        visited.add(link.replace(url(""), ""));
        return link;
    }

    // --- the beneficiary's steps ---

    /** Opens an invitation link, presses Start, answers with a fixture's answers and submits. */
    private void answer(Browser beneficiary, String link, String folder, String fixture, String lang)
            throws IOException {
        WebDriver driver = beneficiary.driver;
        driver.get(link);
        waitFor(driver, H1, lang.equals("fr") ? "Vous êtes invité" : "You are invited");
        check(beneficiary, "beneficiary-invitation", 390);
        click(driver, By.cssSelector("form[action^='/i/'] button"), By.cssSelector("#player"), "");
        visited.add(path(driver));
        JsonNode manifest = JSON.readTree(Path.of(folder, "manifest.json").toFile());
        check(beneficiary, "beneficiary-player-" + manifest.get("id").asText(), 390);
        new AnswersInThePage(driver).fill(manifest,
                JSON.readTree(Path.of(folder, "fixtures", fixture).toFile()).get("responses").get("answers"));
        click(driver, By.id("submit"), H1, lang.equals("fr") ? "Merci, vos réponses sont envoyées"
                : "Thank you, your answers are submitted");
        visited.add(path(driver));
        check(beneficiary, "beneficiary-done-" + manifest.get("id").asText(), 390);
    }

    // --- an observer's steps ---

    /** An observer opens their link in a browser of their own, rates every criterion and submits; then leaves. */
    private String rate(String link, String lang, List<Integer> ratings) throws IOException {
        Browser observer = start();
        WebDriver driver = observer.driver;
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        driver.get(url("/language?to=" + lang + "&back=" + link.replace(url(""), "")));
        waitFor(driver, H1, lang.equals("fr") ? "Vous êtes invité·e à noter" : "You are invited to rate");
        checkInBothLanguages(observer, "observer-start", 820);
        click(driver, By.cssSelector("form[action^='/o/'] button"), By.cssSelector("#player"), "");
        String page = path(driver);
        check(observer, "observer-grid", 820);
        assertFalse(driver.getPageSource().contains(NAME), "an observer rates without the beneficiary's name");
        ObjectNode answers = JSON.createObjectNode();
        for (int i = 0; i < CRITERIA.size(); i++) {
            answers.put(CRITERIA.get(i), ratings.get(i));
        }
        new AnswersInThePage(driver).fill(JSON.readTree(Path.of("../instruments", GRID, "manifest.json").toFile()),
                answers);
        click(driver, By.id("submit"), H1, lang.equals("fr") ? "Notes envoyées" : "Ratings submitted");
        check(observer, "observer-done", 820);
        quit(observer);
        return page;
    }

    /** Fetches a document with the browser's own cookies: its status, type and bytes. */
    private static Fetched fetch(WebDriver driver, String href) {
        @SuppressWarnings("unchecked")
        List<Object> got = (List<Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {
                    const bytes = new Uint8Array(b);
                    let text = '';
                    for (let i = 0; i < bytes.length; i += 0x8000) {
                        text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
                    }
                    done([r.status, r.headers.get('content-type') || '', btoa(text)]);
                })).catch(e => done([0, String(e), '']));""", href);
        return new Fetched(((Number) got.get(0)).intValue(), (String) got.get(1),
                Base64.getDecoder().decode((String) got.get(2)));
    }

    private record Fetched(int status, String type, byte[] body) {

        String pdfText() throws IOException {
            try (PDDocument document = Loader.loadPDF(body)) {
                return new PDFTextStripper().getText(document);
            }
        }
    }

    @Test
    void aWholeBilanThroughThePagesOnly() throws Exception {
        started = System.nanoTime();
        lapStarted = started;
        // What a centre does at the command line: the accounts of its counsellors.
        StaffSignIn.Account camille = StaffSignIn.account(CENTRE, Roles.COUNSELLOR);
        StaffSignIn.Account elsewhere = StaffSignIn.account(OTHER_CENTRE, Roles.COUNSELLOR);
        String beneficiaryId = "B-WALK-" + Long.toString(System.nanoTime() % 1_000_000);

        // --- The counsellor signs in and opens the case (in English; each page also shown in French). ---
        Browser counsellor = start();
        WebDriver c = counsellor.driver;
        c.get(url("/language?to=en&back=/staff/sign-in"));
        waitFor(c, H1, "Sign in to Bilan");
        checkInBothLanguages(counsellor, "staff-sign-in", 1280);
        c.findElement(By.id("email")).sendKeys(camille.email());
        c.findElement(By.id("password")).sendKeys(camille.password());
        click(c, By.id("sign-in"), H1, "Hello, " + camille.name());
        check(counsellor, "staff-home", 1280);
        click(c, By.cssSelector("header a[href='/staff/cases']"), H1, "Cases");
        check(counsellor, "staff-cases-empty", 1280);
        c.findElement(By.id("open-case")).click();
        c.findElement(By.id("beneficiary")).sendKeys(beneficiaryId);
        c.findElement(By.id("name")).sendKeys(NAME);
        click(c, By.id("open"), H1, "Case " + beneficiaryId);
        String caseId = path(c).replace("/staff/cases/", "");
        assertTrue(caseId.matches("[0-9a-f-]{36}"), caseId);
        String casePage = "/staff/cases/" + caseId;
        visited.add(casePage);
        assertEquals("Preliminary", text(c, By.id("case-phase")));
        checkInBothLanguages(counsellor, "case-opened", 1280);

        lap("opened");
        // --- Preliminary phase: the interview logged, the beneficiary's questionnaire, demand, fit, contract. ---
        logSession(c, 60, "Preliminary interview: the demand, the centre and its methods", "23 h left");
        String preliminaryLink = invite(counsellor, "preliminary-interview", "invited");
        Browser beneficiary = start();
        WebDriver b = beneficiary.driver;
        b.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        b.get(url("/language?to=fr&back=/"));
        answer(beneficiary, preliminaryLink, "../instruments/preliminary-interview", "typical-proceed.json", "fr");

        c.navigate().refresh();
        waitFor(c, By.cssSelector("#invitation-list .badge"), "submitted");
        unfold(c, By.id("demand-form"));
        c.findElement(By.id("demand-text")).sendKeys(DEMAND);
        click(c, By.cssSelector("#demand-form button"), By.id("demand"), DEMAND);
        unfold(c, By.id("fit-form"));
        c.findElement(By.id("fit-fit")).click();
        click(c, By.cssSelector("#fit-form button"), By.id("fit"), "A bilan fits the demand");
        click(c, By.id("sign"), By.id("signed-counsellor"), camille.name());
        assertEquals("not signed yet", text(c, By.id("signed-beneficiary")));
        check(counsellor, "case-preliminary", 1280);

        lap("preliminary");
        // The beneficiary signs the contract in their own pages.
        click(b, By.cssSelector("main a[href='/my']"), H1, "Ce que j’ai à remplir");
        visited.add("/my");
        check(beneficiary, "beneficiary-mine", 390);
        click(b, By.id("my-contract"), H1, "Mon contrat");
        visited.add("/my/contract");
        assertTrue(text(b, By.id("contract-counsellor")).startsWith("Votre conseiller ou conseillère l’a signé le"));
        checkInBothLanguages(beneficiary, "beneficiary-contract", 390);
        click(b, By.id("sign-contract"), By.cssSelector("main"), "Vous avez signé votre contrat le");
        check(beneficiary, "beneficiary-contract-signed", 390);

        c.navigate().refresh();
        waitFor(c, By.id("next-ready"), "Nothing is missing");
        assertFalse(text(c, By.id("signed-beneficiary")).contains("not signed"));
        click(c, By.id("move"), By.id("case-phase"), "Investigation");

        lap("contract");
        // --- Investigation: sessions, two questionnaires answered, a role play rated by two observers. ---
        logSession(c, 120, "Interests and work values: the questionnaires explained", "21 h left");
        String riasecLink = invite(counsellor, "riasec-interests", "invited");
        String valuesLink = invite(counsellor, "work-values", "invited");
        // The beneficiary answers in English this time, chosen with the page's own switch.
        b.get(riasecLink);
        waitFor(b, H1, "Vous êtes invité");
        switchTo(b, "en");
        answer(beneficiary, riasecLink, "../instruments/riasec-interests", "typical-profile.json", "en");
        answer(beneficiary, valuesLink, "../instruments/work-values", "typical-profile.json", "en");

        lap("questionnaires");
        new Select(c.findElement(By.id("observe-instrument"))).selectByValue(GRID);
        c.findElement(By.id("observe-observers")).sendKeys("dominique\nguest1");
        click(c, By.id("observe"), H1, "Send each observer their link");
        List<WebElement> fields = c.findElements(By.cssSelector("#observer-links input"));
        String firstLink = fields.get(0).getAttribute("value");
        String secondLink = fields.get(1).getAttribute("value");
        visited.add(firstLink.replace(url(""), ""));
        visited.add(secondLink.replace(url(""), ""));
        check(counsellor, "counsellor-observer-links", 1280);
        click(c, By.id("back-to-case"), By.cssSelector("#observation-list li[data-observer='dominique'] .badge"),
                "invited");
        visited.add(rate(firstLink, "fr", FIRST_OBSERVER));
        c.navigate().refresh();
        waitFor(c, By.cssSelector("#observation-list li[data-observer='dominique'] .badge"), "submitted");
        assertEquals("invited", text(c, By.cssSelector("#observation-list li[data-observer='guest1'] .badge")));
        assertTrue(c.findElements(By.cssSelector("table.ratings")).isEmpty(), "no rating shown before all are in");
        visited.add(rate(secondLink, "en", SECOND_OBSERVER));
        c.navigate().refresh();
        waitFor(c, By.cssSelector("#observation-list li[data-observer='guest1'] .badge"), "submitted");
        assertEquals(2, c.findElements(By.cssSelector("table.ratings tr.apart")).size());
        assertTrue(text(c, By.cssSelector("#observation-list .agreement")).contains("43"),
                text(c, By.cssSelector("#observation-list .agreement")));
        counsellor.screenshot("whole-bilan/" + String.format("%02d", ++shots) + "-case-observation-en", 1280,
                By.id("observations"));

        lap("observation");
        // The profile and the options, read in the page.
        assertEquals(3, c.findElements(By.cssSelector("#invitation-list .badge")).stream()
                .filter(badge -> badge.getText().equals("submitted")).count());
        assertTrue(text(c, By.id("holland")).matches("[RIASEC]{3}"), text(c, By.id("holland")));
        assertEquals(1, c.findElements(By.cssSelector("#profile figure.hexagon svg")).size());
        assertTrue(text(c, By.id("profile")).contains("Work values"), text(c, By.id("profile")));
        List<WebElement> options = c.findElements(By.cssSelector("#option-list > li"));
        assertFalse(options.isEmpty(), "the profile is matched against the occupations");
        WebElement option = options.getFirst().findElement(By.tagName("details"));
        String title = option.findElement(By.tagName("summary")).getText();
        option.findElement(By.tagName("summary")).click();
        new WebDriverWait(c, WAIT).until(d -> option.getAttribute("open") != null);
        assertTrue(option.getText().length() > title.length() + 20, "the option unfolds its explanation: " + title);
        counsellor.screenshot("whole-bilan/" + String.format("%02d", ++shots) + "-case-profile-en", 1280,
                By.id("profile"));
        counsellor.screenshot("whole-bilan/" + String.format("%02d", ++shots) + "-case-options-en", 1280,
                By.id("options"));
        // Filtered by a sector, then all of them again.
        Select sectors = new Select(c.findElement(By.id("options-sector")));
        sectors.selectByIndex(1);
        click(c, By.id("filter-options"), By.id("all-options"), "Every option");
        visited.add(path(c));
        check(counsellor, "case-options-filtered", 1280);
        c.findElement(By.id("all-options")).click();
        new WebDriverWait(c, WAIT).until(d -> d.findElements(By.id("all-options")).isEmpty());
        // The beneficiary's project, typed in words, chosen among the occupations they match, and validated.
        c.findElement(By.id("target-words")).sendKeys("nurse");
        click(c, By.id("validate-target"), By.id("project"), "Occupations matching “nurse”");
        List<WebElement> choices = c.findElements(By.cssSelector("#target-choices a"));
        WebElement nurse = choices.stream().filter(a -> a.getAttribute("href").contains("target=registered-nurse"))
                .findFirst().orElse(choices.getFirst());
        nurse.click();
        waitFor(c, By.id("project"), "Fit:");
        String target = c.getCurrentUrl().replaceAll(".*[?&]target=([^&#]+).*", "$1");
        visited.add(path(c));
        assertTrue(text(c, By.id("validation-h")).length() > 3, text(c, By.id("validation-h")));
        check(counsellor, "case-project-validated", 1280);
        checkInBothLanguages(counsellor, "case-investigation", 1280);
        waitFor(c, By.id("next-ready"), "Nothing is missing");
        click(c, By.id("move"), By.id("case-phase"), "Conclusion");

        lap("profile");
        // --- Conclusion: the session that goes through the synthesis, the synthesis written and submitted. ---
        logSession(c, 90, "Going through the synthesis together", "19 h 30 left");
        writeSynthesis(counsellor, target);
        click(c, By.id("synthesis-read"), By.cssSelector("article.synthesis-document"), CONCLUSION);
        visited.add(path(c));
        check(counsellor, "case-synthesis-read", 1280);
        c.navigate().back();
        waitFor(c, By.id("synthesis-state"), "draft");
        click(c, By.id("submit-synthesis"), By.id("synthesis-state"), "submitted, waiting for the beneficiary's approval");
        check(counsellor, "case-synthesis-submitted", 1280);

        lap("synthesis");
        // The beneficiary reads it, approves it, and downloads it with their name on it.
        switchTo(b, "fr");
        b.get(url("/my"));
        waitFor(b, H1, "Ce que j’ai à remplir");
        click(b, By.cssSelector("main a[href='/my/synthesis']"), By.id("synthesis-status"),
                "en attente de votre approbation");
        visited.add("/my/synthesis");
        assertTrue(text(b, By.cssSelector("article.synthesis-document")).contains(NAME),
                "the beneficiary reads their synthesis with their name");
        assertTrue(text(b, By.cssSelector("article.synthesis-document")).contains(CONCLUSION));
        checkInBothLanguages(beneficiary, "beneficiary-synthesis", 390);
        click(b, By.id("approve"), By.id("synthesis-status"), "approuvée");
        check(beneficiary, "beneficiary-synthesis-approved", 390);
        String pdfLink = b.findElement(By.cssSelector("main a[href$='pdf']")).getAttribute("href");
        visited.add(pdfLink.replace(url(""), ""));
        Fetched own = fetch(b, pdfLink);
        assertEquals(200, own.status());
        assertEquals("application/pdf", own.type());
        String ownText = own.pdfText();
        assertTrue(ownText.contains(NAME), ownText);
        assertTrue(ownText.contains("Approved on") && ownText.contains("by " + NAME), ownText);
        assertSynthesisText(ownText);

        // The counsellor sees the approval and downloads the PDF from the case page.
        c.navigate().refresh();
        waitFor(c, By.id("synthesis-state"), "approved by the beneficiary");
        Fetched centres = fetch(c, c.findElement(By.id("synthesis-pdf")).getAttribute("href"));
        visited.add(casePage + "/synthesis.pdf");
        assertEquals(200, centres.status());
        assertTrue(new String(centres.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-"));
        String centresText = centres.pdfText();
        assertTrue(centresText.contains(beneficiaryId) && centresText.contains("Approved on"), centresText);
        assertFalse(centresText.contains(NAME), "the centre's copy carries the pseudonymous id");
        assertSynthesisText(centresText);
        check(counsellor, "case-synthesis-approved", 1280);
        waitFor(c, By.id("next-ready"), "Nothing is missing");
        click(c, By.id("move"), By.id("case-phase"), "Follow-up");
        String due = text(c, By.cssSelector("#follow-up p"));
        assertTrue(due.startsWith("Due on "), due);

        lap("approval and PDFs");
        // --- Six months later: the follow-up questionnaire and interview, then the case is closed. ---
        clock.advance(Duration.ofDays(185));
        c.navigate().refresh();
        waitFor(c, H1, "Sign in to Bilan");
        c.findElement(By.id("email")).sendKeys(camille.email());
        c.findElement(By.id("password")).sendKeys(camille.password());
        click(c, By.id("sign-in"), H1, "Case " + beneficiaryId);
        String followUpLink = invite(counsellor, "follow-up", "invited");
        // Months later the beneficiary's browser no longer remembers them: the new link opens their pages again.
        b.get(url("/my"));
        waitFor(b, H1, "Merci de rouvrir votre lien");
        answer(beneficiary, followUpLink, "../instruments/follow-up", "typical-under-way.json", "fr");
        c.navigate().refresh();
        waitFor(c, By.cssSelector("#invitation-list .badge"), "submitted");
        logSession(c, 60, "Follow-up interview: the training has started", "18 h 30 left");
        waitFor(c, By.id("next-ready"), "Nothing is missing");
        click(c, By.id("move"), By.id("case-phase"), "Closed");
        checkInBothLanguages(counsellor, "case-closed", 1280);
        quit(beneficiary);

        lap("follow-up");
        // --- A counsellor of another centre, signed in, reaches nothing of it. ---
        Browser stranger = start();
        WebDriver s = stranger.driver;
        StaffSignIn.signIn(s, base.toString(), elsewhere);
        s.get(url("/language?to=en&back=/staff/cases?q=" + beneficiaryId));
        waitFor(s, By.id("count"), "No case");
        check(stranger, "other-centre-cases", 1280);
        List<String> refusals = new ArrayList<>();
        for (String address : visited) {
            refusals.add(refusal(stranger, address, List.of(NAME, beneficiaryId, DEMAND)));
        }
        check(stranger, "other-centre-refused", 1280);
        s.get(url("/staff/cases"));
        waitFor(s, H1, "Cases");
        Object step = ((JavascriptExecutor) s).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/staff/cases/' + arguments[0] + '/sessions', {method: 'POST', body: new URLSearchParams(
                    {'_csrf': arguments[1], 'date': '2027-05-10', 'minutes': '60', 'activities': 'x'})})
                    .then(r => done(r.status), e => done(String(e)));""", caseId, StaffSignIn.csrf(s));
        assertEquals(404L, step, "a step on the case, with the stranger's own session and token");
        quit(stranger);

        lap("other centre");
        // --- A browser nobody signed in with reaches nothing either. ---
        Browser nobody = start();
        for (String address : visited) {
            refusals.add(refusal(nobody, address, List.of(NAME, beneficiaryId, DEMAND)));
        }
        check(nobody, "signed-out-refused", 1280);
        quit(nobody);
        lap("signed out");
        laps.add("in all " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s, of which axe-core "
                + Duration.ofNanos(axeNanos).toSeconds() + " s on " + axeRuns + " pages");
        System.out.println(visited.size() + " addresses refused twice: " + refusals);
    }

    /**
     * The synthesis as the counsellor writes it from the case page, in English: drafted for the project validated, an
     * option kept with its reason, then sections written in the editor, with their preview, and saved.
     */
    private void writeSynthesis(Browser counsellor, String target) throws IOException {
        WebDriver c = counsellor.driver;
        c.findElement(By.id("synthesis-target")).sendKeys(target);
        click(c, By.id("draft-synthesis"), By.id("synthesis-state"), "draft");
        check(counsellor, "case-synthesis-drafted", 1280);

        WebElement option = c.findElement(By.cssSelector("#option-list > li"));
        String occupation = option.getAttribute("data-occupation");
        kept = option.findElement(By.tagName("strong")).getText();
        option.findElement(By.tagName("summary")).click();
        c.findElement(By.id("keep-reason-" + occupation)).sendKeys("Élodie wants to go on helping people.");
        click(c, By.cssSelector("#keep-" + occupation + " button"), By.id("kept"), kept);
        counsellor.screenshot("whole-bilan/" + String.format("%02d", ++shots) + "-case-option-kept-en", 1280,
                By.id("kept"));

        click(c, By.id("edit-synthesis"), H1, "Write the synthesis");
        visited.add(path(c));
        type(c, "edit-circumstances", CIRCUMSTANCES);
        int step = c.findElements(By.cssSelector("[id^='step-title-']")).size() - 1;
        type(c, "step-title-" + step, STEP);
        type(c, "step-detail-" + step, "In March, at the nursing school of Lyon");
        type(c, "edit-conclusion", CONCLUSION);
        waitFor(c, By.id("synthesis-preview"), CONCLUSION);
        check(counsellor, "synthesis-editor", 1280);
        click(c, By.id("save-synthesis"), By.id("editor-notice"), "Saved: the draft is at revision");
        checkInBothLanguages(counsellor, "synthesis-editor-saved", 1280);
        click(c, By.id("back-to-case"), H1, "Case ");
        waitFor(c, By.id("synthesis-state"), "draft");
    }

    private static void type(WebDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.clear();
        field.sendKeys(text);
    }

    /** What the approved document says in both copies, as the counsellor wrote it. */
    private void assertSynthesisText(String text) {
        for (String written : List.of(CIRCUMSTANCES, STEP, CONCLUSION, kept)) {
            assertTrue(text.contains(written), written + " in " + text);
        }
    }

    /**
     * Opens {@code address} in {@code browser} and checks that it says none of {@code secrets}: a refusal, or the
     * sign-in form, never a document (a PDF's address is fetched first); returns what it was, for the test's output.
     */
    private String refusal(Browser browser, String address, List<String> secrets) {
        WebDriver driver = browser.driver;
        if (address.endsWith("pdf")) {
            Fetched fetched = fetch(driver, url(address));
            assertFalse(fetched.type().startsWith("application/pdf"), address + " gives its PDF: " + fetched.status());
        }
        driver.get(url(address));
        String heading = text(driver, H1);
        for (String secret : secrets) {
            assertFalse(driver.getPageSource().contains(secret), address + " shows " + secret);
        }
        assertTrue(List.of("Not found", "Sign in to Bilan", "Link already used", "Please open your link again")
                .contains(heading), address + ": " + heading);
        return address + " -> " + heading;
    }
}
