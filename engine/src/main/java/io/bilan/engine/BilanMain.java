package io.bilan.engine;

import io.bilan.engine.security.AdminKeyCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service, or runs one of its commands: {@code create-admin-key [name]} creates the first admin's API
 * key in the configured database, prints it and exits, without listening for HTTP.
 */
@QuarkusMain
public final class BilanMain {

    private BilanMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals(AdminKeyCommand.NAME)) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            // A failure to start (the engine running on the same embedded database) is told in one line below.
            System.setProperty("quarkus.log.level", "OFF");
            Quarkus.run(AdminKeyCommand.class, (status, failure) -> {
                if (failure != null) {
                    System.err.println(AdminKeyCommand.explain(failure));
                    System.exit(1);
                }
                System.exit(status);
            }, args);
        } else {
            Quarkus.run(args);
        }
    }
}
