package io.bilan.engine.security;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code bilan-engine create-admin-key [name]}: the way to the first admin, who then creates every other key
 * through the API. Runs against the configured database; on the embedded one, stop the engine first (the
 * database file is open by one process at a time).
 */
public class AdminKeyCommand implements QuarkusApplication {

    public static final String NAME = "create-admin-key";

    @Inject
    ApiKeys keys;

    /** One line saying why the command could not run: most often, the engine holds the embedded database. */
    public static String explain(Throwable failure) {
        Throwable cause = failure;
        StringBuilder messages = new StringBuilder();
        while (cause != null) {
            messages.append(' ').append(cause.getMessage());
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String all = messages.toString();
        if (all.contains("already in use") || all.contains("Locked by another process") || all.contains("lock")) {
            return "The engine is running on this database: stop it first (the embedded database is open by one "
                    + "process at a time), then run " + NAME + " again.";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "The key could not be created: " + root.getMessage();
    }

    @Override
    public int run(String... args) {
        if (args.length > 2) {
            System.err.println("usage: bilan-engine " + NAME + " [name]");
            return 2;
        }
        String name = args.length == 2 ? args[1] : "first admin";
        ApiKeys.CreatedKey created = keys.create(name, List.of(Roles.ADMIN), null, "command:" + NAME);
        System.out.println("Created the admin key " + created.key().id() + " (\"" + name + "\"). It is shown once:");
        System.out.println();
        System.out.println("  " + created.secret());
        System.out.println();
        System.out.println("Send it as Authorization: Bearer <key>; create the other keys with POST /api/v1/api-keys.");
        return 0;
    }
}
