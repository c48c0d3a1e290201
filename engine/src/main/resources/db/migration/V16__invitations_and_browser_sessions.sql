-- Invitations: a counsellor invites the beneficiary of a case to answer one instrument in a browser. The link
-- carries a token whose SHA-256 alone is stored; it opens once, before it expires, unless it was revoked.
CREATE TABLE case_invitation (
    id             VARCHAR(36)  PRIMARY KEY,
    case_id        VARCHAR(36)  NOT NULL REFERENCES bilan_case (id) ON DELETE CASCADE,
    token_hash     VARCHAR(64)  NOT NULL UNIQUE,
    instrument_id  VARCHAR(64)  NOT NULL,
    version        VARCHAR(64)  NOT NULL,
    created_by     VARCHAR(200) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at      TIMESTAMP WITH TIME ZONE,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    revoked_by     VARCHAR(200),
    -- The answers as saved so far (sealed with the case's key), never a result until submitted.
    draft          TEXT,
    draft_saved_at TIMESTAMP WITH TIME ZONE,
    -- When the instrument was first shown: the clock of a timed test runs from there, on the server.
    started_at     TIMESTAMP WITH TIME ZONE,
    submitted_at   TIMESTAMP WITH TIME ZONE,
    administration BIGINT REFERENCES case_administration (id) ON DELETE CASCADE
);
CREATE INDEX case_invitation_case ON case_invitation (case_id);

-- Browser sessions, in the database so that any engine on it serves the same person. The cookie holds a random
-- secret whose SHA-256 alone is stored; the CSRF token is sent in every form and checked on every write.
CREATE TABLE browser_session (
    id_hash      VARCHAR(64)  PRIMARY KEY,
    case_id      VARCHAR(36)  NOT NULL REFERENCES bilan_case (id) ON DELETE CASCADE,
    centre       VARCHAR(64)  NOT NULL,
    -- The case's beneficiary as the API knows them (sealed with the case's key).
    subject      TEXT         NOT NULL,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX browser_session_case ON browser_session (case_id);
