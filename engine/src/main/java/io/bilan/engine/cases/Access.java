package io.bilan.engine.cases;

/** Who may do something with a case. */
enum Access {
    /** The case's counsellors. */
    COUNSELLOR,
    /** Its counsellors and its beneficiary. */
    MEMBER,
    /** Its beneficiary. */
    BENEFICIARY
}
