-- tiaki store, schema version 1.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE sources (
    source_id VARCHAR PRIMARY KEY,
    label VARCHAR,
    agency VARCHAR,
    country VARCHAR,
    spec JSON,
    created_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE imports (
    import_id VARCHAR PRIMARY KEY,
    source_id VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    file_sha256 VARCHAR NOT NULL,
    mapping_name VARCHAR NOT NULL,
    mapping_sha256 VARCHAR NOT NULL,
    format VARCHAR,
    encoding VARCHAR,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    rows_read BIGINT,
    rows_stored BIGINT,
    rows_new BIGINT,
    rows_quarantined BIGINT,
    blank_lines BIGINT,
    statements BIGINT,
    status VARCHAR,
    actor VARCHAR
);

-- Every input row, verbatim (protected cells sealed or pseudonymised). Nothing is ever lost.
CREATE TABLE raw_records (
    record_id VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    import_id VARCHAR NOT NULL,
    row_number BIGINT NOT NULL,
    record_key VARCHAR,
    data JSON NOT NULL,
    protected BOOLEAN NOT NULL
);

-- One fact, with its provenance.
CREATE TABLE statements (
    statement_id VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    prop VARCHAR NOT NULL,
    value VARCHAR NOT NULL,
    normal VARCHAR,
    original VARCHAR,
    protected BOOLEAN NOT NULL,
    source_id VARCHAR NOT NULL,
    import_id VARCHAR NOT NULL,
    record_id VARCHAR NOT NULL,
    column_name VARCHAR,
    collected_at VARCHAR,
    officer VARCHAR,
    grade_system VARCHAR,
    source_grade VARCHAR,
    info_grade VARCHAR,
    handling_system VARCHAR,
    handling_code VARCHAR,
    handling_conditions VARCHAR,
    consent_id VARCHAR,
    first_seen TIMESTAMP NOT NULL
);

-- Rows that could not be stored as statements, with the reason; reviewable, never dropped.
CREATE TABLE quarantine (
    quarantine_id VARCHAR NOT NULL,
    import_id VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    row_number BIGINT NOT NULL,
    column_name VARCHAR,
    reason VARCHAR NOT NULL,
    data JSON,
    status VARCHAR NOT NULL DEFAULT 'open',
    created_at TIMESTAMP NOT NULL
);

-- Append-only, hash-chained audit log.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    logged_at TIMESTAMP NOT NULL,
    actor VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    subject VARCHAR,
    detail JSON,
    prev_hash VARCHAR NOT NULL,
    hash VARCHAR NOT NULL
);

CREATE VIEW entities AS
SELECT entity_id,
       any_value(kind) AS kind,
       count(*) AS statements,
       count(DISTINCT source_id) AS sources,
       bool_or(protected) AS protected,
       min(first_seen) AS first_seen
FROM statements GROUP BY entity_id;
