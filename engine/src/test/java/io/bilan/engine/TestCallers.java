package io.bilan.engine;

import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Roles;
import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys for tests, created in the running engine's database. Every test calls the API with the key of a
 * {@link #staff()} member unless it asks for another caller ({@code .auth().oauth2(key)}) or none
 * ({@code .auth().none()}).
 */
public final class TestCallers {

    /** The centre of the staff key and of {@link #of(String, String)} keys unless told otherwise. */
    public static final String CENTRE = "centre-a";

    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static volatile Object keysOf;

    private TestCallers() {
    }

    /** A key holding every role but beneficiary, for tests about something else than permissions. */
    public static String staff() {
        return key("staff", List.of(Roles.ADMIN, Roles.AUTHOR, Roles.COUNSELLOR, Roles.RESEARCHER), CENTRE);
    }

    /** A key with one role, of {@code centre} (ignored for roles without a centre). */
    public static String of(String role, String centre) {
        return key(role + "@" + centre, List.of(role), Roles.CENTRE_ROLES.contains(role) ? centre : null);
    }

    /** A key with one role, of {@link #CENTRE}. */
    public static String of(String role) {
        return of(role, CENTRE);
    }

    /** Makes the staff key the default of every request. */
    public static void useStaffByDefault() {
        RestAssured.authentication = RestAssured.oauth2(staff());
    }

    private static String key(String name, List<String> roles, String centre) {
        ApiKeys keys = Arc.container().instance(ApiKeys.class).get();
        // A test profile restarts the engine on a new database: keys of the previous one are gone.
        Object current = Arc.container();
        if (keysOf != current) {
            KEYS.clear();
            keysOf = current;
        }
        return KEYS.computeIfAbsent(name, ignored -> keys.create("test " + name, roles, centre, "tests").secret());
    }
}
