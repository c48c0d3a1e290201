package io.bilan.engine.web.workspace;

import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Roles;
import io.bilan.engine.security.StaffAccounts;
import io.bilan.engine.web.PageTexts;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How the case page names who did what: a staff account by its name, an API key by the name it was given, the
 * beneficiary as the beneficiary (whether they came with their key or with an invitation link). The engine records
 * subjects ({@code user:<id>}, {@code key:<id>}); a person reads names. Each subject is looked up once per page.
 */
final class People implements Function<String, String> {

    private static final String ACCOUNT = "user:";
    private static final String KEY = "key:";
    private static final String INVITED = "invited:";

    private final StaffAccounts accounts;
    private final ApiKeys keys;
    private final String centre;
    private final PageTexts t;
    private final Map<String, String> named = new HashMap<>();

    People(StaffAccounts accounts, ApiKeys keys, String centre, PageTexts t) {
        this.accounts = accounts;
        this.keys = keys;
        this.centre = centre;
        this.t = t;
    }

    @Override
    public String apply(String subject) {
        return subject == null || subject.isEmpty() ? "" : named.computeIfAbsent(subject, this::name);
    }

    private String name(String subject) {
        if (subject.startsWith(INVITED)) {
            return t.get("case.person.beneficiary");
        }
        if (subject.startsWith(ACCOUNT)) {
            return accounts.find(centre, subject.substring(ACCOUNT.length()))
                    .map(StaffAccounts.Account::name).orElse(subject);
        }
        if (subject.startsWith(KEY)) {
            return keys.find(subject.substring(KEY.length()))
                    .map(key -> key.roles().contains(Roles.BENEFICIARY) ? t.get("case.person.beneficiary")
                            : t.format("case.person.key", key.name()))
                    .orElse(subject);
        }
        return subject;
    }
}
