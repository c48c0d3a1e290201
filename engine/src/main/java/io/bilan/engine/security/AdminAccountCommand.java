package io.bilan.engine.security;

import io.bilan.engine.problem.InvalidRequestException;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bilan-engine create-admin --email <email> --centre <centre> [--name <name>] [--reset]}: the first admin
 * account of a centre, who then creates every other account in the pages. It prints a one-time password, which the
 * admin replaces at their first sign-in. With {@code --reset}, an existing account gets a new one-time password, is
 * enabled again and keeps or gains the admin role: the way back in for a centre that lost its last admin.
 */
public class AdminAccountCommand implements QuarkusApplication {

    public static final String NAME = "create-admin";
    private static final String USAGE = "usage: bilan-engine " + NAME
            + " --email <email> --centre <centre> [--name <name>] [--reset]";

    @Inject
    StaffAccounts accounts;

    @Override
    public int run(String... args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--email", "--centre", "--name" -> {
                    if (i + 1 >= args.length) {
                        System.err.println(USAGE);
                        return 2;
                    }
                    options.put(args[i], args[++i]);
                }
                case "--reset" -> options.put("--reset", "true");
                default -> {
                    System.err.println(USAGE);
                    return 2;
                }
            }
        }
        String email = options.get("--email");
        String centre = options.get("--centre");
        if (email == null || centre == null) {
            System.err.println(USAGE);
            return 2;
        }
        String by = "command:" + NAME;
        var existing = accounts.byEmail(email);
        StaffAccounts.WithPassword done;
        if (existing.isPresent()) {
            StaffAccounts.Account account = existing.get();
            if (!options.containsKey("--reset")) {
                System.err.println("An account with this email exists already (centre " + account.centre()
                        + "). Add --reset to give it a new one-time password.");
                return 1;
            }
            if (!account.centre().equals(centre)) {
                System.err.println("This account belongs to the centre " + account.centre() + ", not " + centre + ".");
                return 1;
            }
            List<String> roles = account.is(Roles.ADMIN) ? account.roles()
                    : java.util.stream.Stream.concat(account.roles().stream(), java.util.stream.Stream.of(Roles.ADMIN)).toList();
            accounts.update(centre, account.id(), account.name(), roles, by);
            accounts.setDisabled(centre, account.id(), false, by);
            done = accounts.resetPassword(centre, account.id(), by).orElseThrow();
        } else {
            try {
                done = accounts.create(centre, email, options.getOrDefault("--name", email.strip()),
                        List.of(Roles.ADMIN), by);
            } catch (InvalidRequestException refused) {
                refused.errors().forEach(error -> System.err.println(error.pointer().substring(1) + ": " + error.message()));
                return 2;
            }
        }
        System.out.println((existing.isPresent() ? "Reset" : "Created") + " the admin account " + done.account().email()
                + " of the centre " + centre + ". Its one-time password is shown once:");
        System.out.println();
        System.out.println("  " + done.oneTimePassword());
        System.out.println();
        System.out.println("Sign in at /staff/sign-in with it, then choose your own password.");
        return 0;
    }
}
