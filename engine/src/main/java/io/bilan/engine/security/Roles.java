package io.bilan.engine.security;

import java.util.List;

/** The roles of callers, as API keys and tokens (the {@code groups} claim) carry them. */
public final class Roles {

    /** Manages API keys, may do what every other role does except read a case it is not part of. */
    public static final String ADMIN = "admin";
    /** Publishes and deprecates instrument packages. */
    public static final String AUTHOR = "author";
    /** A centre's staff: scores, builds profiles and runs the cases of their centre. */
    public static final String COUNSELLOR = "counsellor";
    /** A person taking a bilan: their own case, results and synthesis only. */
    public static final String BENEFICIARY = "beneficiary";
    /** Scores data sets in batch; never sees personal data. */
    public static final String RESEARCHER = "researcher";

    /** Every role, in the order above. */
    public static final List<String> ALL = List.of(ADMIN, AUTHOR, COUNSELLOR, BENEFICIARY, RESEARCHER);

    /** The roles whose keys and tokens must name a centre. */
    public static final List<String> CENTRE_ROLES = List.of(COUNSELLOR, BENEFICIARY);

    private Roles() {
    }
}
