-- Responses to requests sent with an Idempotency-Key, so that a retry stores nothing twice and gets the same answer.
CREATE TABLE idempotent_request (
    caller          VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    operation       VARCHAR(300) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    status          INTEGER      NOT NULL,
    location        VARCHAR(500),
    body            BYTEA,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
