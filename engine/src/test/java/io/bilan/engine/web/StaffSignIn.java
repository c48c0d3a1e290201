package io.bilan.engine.web;

import io.bilan.engine.security.StaffAccounts;
import io.quarkus.arc.Arc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Staff accounts for tests of the staff pages, created in the running engine's database, and a browser signed in
 * with one: {@code var camille = StaffSignIn.account("centre-a", Roles.COUNSELLOR); StaffSignIn.signIn(driver,
 * base, camille);} then {@code driver.get(base + "/staff/...")}. The account is its caller {@code camille.subject()}
 * ({@code user:<id>}) for the API, e.g. to add them as a counsellor of a case opened with a key.
 */
public final class StaffSignIn {

    /** The password every test account is given. */
    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private StaffSignIn() {
    }

    /** A test account: what it signs in with and who it is. */
    public record Account(String id, String email, String name, String password, String centre) {

        /** Who the account is for the API and in every record: {@code user:<id>}. */
        public String subject() {
            return StaffAccounts.SUBJECT_PREFIX + id;
        }
    }

    /** A new account of {@code centre} with {@code roles}, whose holder has set the password {@link #PASSWORD}. */
    public static Account account(String centre, String... roles) {
        int number = NUMBER.incrementAndGet();
        String name = "Camille Test " + number;
        StaffAccounts accounts = Arc.container().instance(StaffAccounts.class).get();
        StaffAccounts.WithPassword created = accounts.create(centre, "staff" + number + "-" + System.nanoTime()
                + "@" + centre + ".test", name, List.of(roles), "tests");
        accounts.changePassword(created.account().id(), null, created.oneTimePassword(), PASSWORD, PASSWORD);
        return new Account(created.account().id(), created.account().email(), name, PASSWORD, centre);
    }

    /** A new account of {@code centre} still holding the one-time password an admin gave, returned as its password. */
    public static Account withOneTimePassword(String centre, String... roles) {
        int number = NUMBER.incrementAndGet();
        String name = "Dominique Test " + number;
        StaffAccounts.WithPassword created = Arc.container().instance(StaffAccounts.class).get().create(centre,
                "new" + number + "-" + System.nanoTime() + "@" + centre + ".test", name, List.of(roles), "tests");
        return new Account(created.account().id(), created.account().email(), name, created.oneTimePassword(), centre);
    }

    /**
     * Signs {@code driver} in as {@code account} through the sign-in form and waits for the staff home; {@code base}
     * is the engine's address ({@code http://localhost:8081}, with or without the final slash).
     */
    public static void signIn(WebDriver driver, String base, Account account) {
        signInOnly(driver, base, account);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/staff/sign-in"));
    }

    /** Fills and sends the sign-in form without waiting for where it leads. */
    public static void signInOnly(WebDriver driver, String base, Account account) {
        driver.get(base.replaceAll("/$", "") + "/staff/sign-in");
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys(account.email());
        driver.findElement(By.id("password")).sendKeys(account.password());
        driver.findElement(By.id("sign-in")).click();
    }

    /** The value of the staff session cookie of a signed-in {@code driver}, to call the pages outside the browser. */
    public static String sessionCookie(WebDriver driver) {
        return driver.manage().getCookieNamed(io.bilan.engine.security.StaffSessions.COOKIE).getValue();
    }

    /** The CSRF token of the page {@code driver} shows (any staff page has one in its sign-out form). */
    public static String csrf(WebDriver driver) {
        return driver.findElement(By.cssSelector("input[name='_csrf']")).getAttribute("value");
    }
}
