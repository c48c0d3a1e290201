-- Observations: a counsellor invites observers (colleagues or guests) to rate a role play or an interview grid in
-- their browsers, each independently. When they have all submitted (or the counsellor closes the observation with
-- those submitted), their ratings are stored as one administration of the grid.
CREATE TABLE case_observation (
    id             VARCHAR(36)  PRIMARY KEY,
    case_id        VARCHAR(36)  NOT NULL REFERENCES bilan_case (id) ON DELETE CASCADE,
    instrument_id  VARCHAR(64)  NOT NULL,
    version        VARCHAR(64)  NOT NULL,
    -- The language of the report stored at the end.
    lang           VARCHAR(8)   NOT NULL,
    created_by     VARCHAR(200) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    closed_by      VARCHAR(200),
    administration BIGINT REFERENCES case_administration (id) ON DELETE CASCADE
);
CREATE INDEX case_observation_case ON case_observation (case_id);

-- One observer of an observation: their link (only the SHA-256 of its token is kept), then the browser session the
-- link opened (its cookie's secret, hashed the same way), limited to this one observation, and their ratings.
CREATE TABLE case_observer (
    id                 VARCHAR(36)  PRIMARY KEY,
    observation_id     VARCHAR(36)  NOT NULL REFERENCES case_observation (id) ON DELETE CASCADE,
    case_id            VARCHAR(36)  NOT NULL REFERENCES bilan_case (id) ON DELETE CASCADE,
    -- The observer's id in the stored answers ({"<observer>": rating}), unique in the observation.
    observer           VARCHAR(64)  NOT NULL,
    position           INTEGER      NOT NULL,
    token_hash         VARCHAR(64)  NOT NULL UNIQUE,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at          TIMESTAMP WITH TIME ZONE,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revoked_by         VARCHAR(200),
    session_hash       VARCHAR(64)  UNIQUE,
    csrf_token         VARCHAR(64),
    session_expires_at TIMESTAMP WITH TIME ZONE,
    -- The ratings so far, {"<criterion>": rating}, sealed with the case's key; final once submitted.
    ratings            TEXT,
    saved_at           TIMESTAMP WITH TIME ZONE,
    submitted_at       TIMESTAMP WITH TIME ZONE,
    UNIQUE (observation_id, observer)
);
CREATE INDEX case_observer_case ON case_observer (case_id);
