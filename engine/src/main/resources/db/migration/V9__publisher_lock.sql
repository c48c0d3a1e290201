-- One row per publisher, locked while a publication checks and uses its quota: two publications by one
-- publisher, on any engine instance, count each other's versions.
CREATE TABLE publisher_lock (
    published_by VARCHAR(200) PRIMARY KEY
);
CREATE INDEX instrument_package_publisher ON instrument_package (published_by);

-- The size of each stored package, so a quota is checked without reading every package.
ALTER TABLE instrument_package ADD COLUMN content_size BIGINT;
UPDATE instrument_package SET content_size = OCTET_LENGTH(content);
ALTER TABLE instrument_package ALTER COLUMN content_size SET NOT NULL;
