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
