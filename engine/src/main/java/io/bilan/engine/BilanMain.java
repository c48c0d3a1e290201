package io.bilan.engine;

import io.bilan.engine.security.AdminAccountCommand;
import io.bilan.engine.security.AdminKeyCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service, or runs one of its commands: {@code create-admin-key [name]} creates the first admin's API
 * key in the configured database, prints it and exits, without listening for HTTP; {@code create-admin --email
 * <email> --centre <centre>} does the same for the first admin account of a centre, with a one-time password; {@code preview <package folder>}
 * serves the beneficiary's player on that package, on localhost, with an in-memory database and nothing published.
 */
@QuarkusMain
public final class BilanMain {

    private BilanMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && (args[0].equals(AdminKeyCommand.NAME) || args[0].equals(AdminAccountCommand.NAME))) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            // A failure to start (the engine running on the same embedded database) is told in one line below.
            System.setProperty("quarkus.log.level", "OFF");
            Quarkus.run(args[0].equals(AdminKeyCommand.NAME) ? AdminKeyCommand.class : AdminAccountCommand.class,
                    (status, failure) -> {
                if (failure != null) {
                    System.err.println(AdminKeyCommand.explain(failure));
                    System.exit(1);
                }
                System.exit(status);
            }, args);
        } else if (args.length > 0 && args[0].equals("preview")) {
            preview(args);
        } else {
            Quarkus.run(args);
        }
    }

    private static void preview(String... args) {
        if (args.length != 2 || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[1], "manifest.json"))) {
            System.err.println("usage: preview <package folder>   (the folder holds manifest.json)");
            System.exit(2);
        }
        java.nio.file.Path folder = java.nio.file.Path.of(args[1]).toAbsolutePath().normalize();
        java.nio.file.Path scratch;
        try {
            scratch = java.nio.file.Files.createTempDirectory("bilan-preview");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.setProperty("bilan.pages.preview-folder", folder.toString());
        System.setProperty("bilan.catalog.folders", scratch.toString());
        System.setProperty("bilan.erasure.keyring-dir", scratch.resolve("keyring").toString());
        System.setProperty("quarkus.datasource.jdbc.url",
                "jdbc:h2:mem:preview;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        System.setProperty("quarkus.http.host", "localhost");
        if (System.getProperty("quarkus.http.port") == null && System.getenv("QUARKUS_HTTP_PORT") == null) {
            System.setProperty("quarkus.http.port", "8090");
        }
        System.setProperty("quarkus.banner.enabled", "false");
        System.out.println("Preview of " + folder + " at http://localhost:"
                + System.getProperty("quarkus.http.port", System.getenv("QUARKUS_HTTP_PORT")) + "/preview");
        Quarkus.run(new String[0]);
    }
}
