using Npgsql;

namespace Workflows.Storage.PostgreSql;

/// <summary>
/// Creates and migrates the schema on open, in the first schema of the connection's search path.
/// Append-only migrations, recorded in <c>schema_version</c>; an advisory lock makes nodes that
/// start together migrate one after the other.
/// </summary>
internal static class PostgreSqlSchema
{
    // Payloads and state are text, not jsonb: jsonb rewrites JSON (key order, spacing) and the
    // hash chain needs the exact bytes back.
    private static readonly string[][] Migrations =
    [
        [
            """
            CREATE TABLE case_counters (
                office text NOT NULL, year integer NOT NULL, last_seq bigint NOT NULL,
                PRIMARY KEY (office, year))
            """,
            """
            CREATE TABLE cases (
                id uuid PRIMARY KEY, office text NOT NULL, year integer NOT NULL, seq bigint NOT NULL,
                number text NOT NULL UNIQUE, version bigint NOT NULL, head_hash text NOT NULL, state text NOT NULL,
                status text NOT NULL, department text, applicant_name text, applicant_id text, due_date date,
                created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
                UNIQUE (office, year, seq))
            """,
            "CREATE INDEX ix_cases_created ON cases (created_at DESC)",
            "CREATE INDEX ix_cases_status ON cases (status, created_at DESC)",
            "CREATE INDEX ix_cases_department ON cases (department, created_at DESC)",
            "CREATE INDEX ix_cases_applicant_name ON cases (applicant_name text_pattern_ops)",
            "CREATE INDEX ix_cases_applicant_id ON cases (applicant_id)",
            "CREATE INDEX ix_cases_due_date ON cases (due_date)",
            """
            CREATE TABLE events (
                case_id uuid NOT NULL, seq bigint NOT NULL, type text NOT NULL, payload text NOT NULL,
                recorded_at timestamptz NOT NULL, hash text NOT NULL,
                PRIMARY KEY (case_id, seq))
            """,
            """
            CREATE TABLE idempotency (
                key text PRIMARY KEY, fingerprint text NOT NULL, case_id uuid NOT NULL, version bigint NOT NULL)
            """,
            """
            CREATE TABLE timers (
                id text PRIMARY KEY, case_id uuid NOT NULL, kind text NOT NULL, due_at timestamptz NOT NULL,
                payload text NOT NULL, fired_at timestamptz)
            """,
            "CREATE INDEX ix_timers_pending ON timers (due_at) WHERE fired_at IS NULL",
        ],
        [
            "ALTER TABLE cases ADD COLUMN parties text",
            "ALTER TABLE cases ADD COLUMN is_open boolean NOT NULL DEFAULT true",
            "CREATE INDEX ix_cases_open ON cases (is_open, created_at DESC)",
            """
            CREATE TABLE contents (
                key text PRIMARY KEY, content_type text NOT NULL, size bigint NOT NULL, content bytea NOT NULL,
                stored_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE accounts (
                user_name text PRIMARY KEY, display_name text NOT NULL, password_hash text NOT NULL,
                roles text NOT NULL, department text, "window" text, disabled boolean NOT NULL DEFAULT false)
            """,
        ],
        [
            // Document numbers: the counters live in case_counters under 'doc:' + series.
            """
            CREATE TABLE document_numbers (
                series text NOT NULL, year integer NOT NULL, seq bigint NOT NULL, case_id uuid NOT NULL, document text NOT NULL,
                PRIMARY KEY (series, year, seq), UNIQUE (case_id, document))
            """,
        ],
        // Supervision's figures (CaseFiguresSql).
        CaseFiguresSql.Migration("date"),
        [
            // The outbox: effects written with their command's events, handed out after the commit.
            """
            CREATE TABLE intents (
                id text PRIMARY KEY, case_id uuid NOT NULL, version bigint NOT NULL, kind text NOT NULL, payload text NOT NULL,
                created_at timestamptz NOT NULL, attempts integer NOT NULL DEFAULT 0, last_error text, failed boolean NOT NULL DEFAULT false,
                leased_until timestamptz, done_at timestamptz)
            """,
            "CREATE INDEX ix_intents_pending ON intents (created_at) WHERE done_at IS NULL",
            "CREATE INDEX ix_intents_case ON intents (case_id)",
            // The certificate register behind /verify, written with the grant.
            """
            CREATE TABLE certificates (
                identifier text PRIMARY KEY, case_id uuid, document_id text, holder_hash text, status text NOT NULL,
                record text NOT NULL, pdf_sha256 text, issued_at timestamptz NOT NULL)
            """,
            "CREATE INDEX ix_certificates_holder ON certificates (holder_hash)",
            "CREATE INDEX ix_certificates_case ON certificates (case_id)",
        ],
        [
            // Sessions, the security log and the accounts' administration, created on first use by
            // servers before this step (hence IF NOT EXISTS: a database may have them already).
            """
            CREATE TABLE IF NOT EXISTS sessions (
                id text PRIMARY KEY, user_name text NOT NULL, created_at timestamptz NOT NULL, last_seen_at timestamptz NOT NULL,
                revoked_at timestamptz, address text)
            """,
            "CREATE INDEX IF NOT EXISTS ix_sessions_user ON sessions (user_name)",
            """
            CREATE TABLE IF NOT EXISTS security_events (
                seq bigserial PRIMARY KEY, at timestamptz NOT NULL, kind text NOT NULL, user_name text, address text, detail text)
            """,
            "CREATE INDEX IF NOT EXISTS ix_security_events_user ON security_events (user_name, at)",
            "CREATE INDEX IF NOT EXISTS ix_security_events_address ON security_events (address, at)",
            """
            CREATE TABLE IF NOT EXISTS account_admin (
                user_name TEXT PRIMARY KEY, must_change_password BOOLEAN NOT NULL DEFAULT FALSE, last_sign_in_at TIMESTAMPTZ)
            """,
        ],
        [
            // 常用意见: a reviewer's or a department's saved opinion phrases (IOpinionPhraseStore).
            """
            CREATE TABLE opinion_phrases (
                id text PRIMARY KEY, scope text NOT NULL, owner text NOT NULL, text text NOT NULL, created_at timestamptz NOT NULL,
                UNIQUE (scope, owner, text))
            """,
        ],
        [
            // Who or what a security event was about (an account, a case, a tablet).
            "ALTER TABLE security_events ADD COLUMN target text",
            // Rating tablets paired with a window, and each window's current case (IKioskStore).
            """
            CREATE TABLE kiosk_devices (
                id text PRIMARY KEY, name text NOT NULL, window_id text NOT NULL, pin_hash text NOT NULL,
                created_at timestamptz NOT NULL, created_by text NOT NULL, pairing_code_hash text UNIQUE, pairing_code_expires_at timestamptz,
                paired_at timestamptz, revoked_at timestamptz, revoked_by text)
            """,
            """
            CREATE TABLE window_cases (
                window_id text PRIMARY KEY, case_id uuid NOT NULL, at timestamptz NOT NULL, by_user text NOT NULL)
            """,
        ],
        // The running 特别程序's announced end (CaseFiguresSql.ProcedureMigration).
        CaseFiguresSql.ProcedureMigration("date"),
        [
            // 信用记录: false pledges (告知承诺核查) and 失信 marks by applicant (ICreditRecords).
            """
            CREATE TABLE credit_marks (
                id text PRIMARY KEY, applicant_id text NOT NULL, kind text NOT NULL, reason text NOT NULL,
                marked_on date NOT NULL, case_id uuid, case_number text)
            """,
            "CREATE INDEX ix_credit_marks_applicant ON credit_marks (applicant_id)",
        ],
        [
            // 失信 marks an office manages (CreditMarkAdministration): where a mark comes from, until when it
            // refuses, who entered it, and 信用修复 (a lifted mark keeps its row with who, when and why).
            "ALTER TABLE credit_marks ADD COLUMN applicant_name text",
            "ALTER TABLE credit_marks ADD COLUMN basis text",
            "ALTER TABLE credit_marks ADD COLUMN valid_until date",
            "ALTER TABLE credit_marks ADD COLUMN added_by text",
            "ALTER TABLE credit_marks ADD COLUMN lifted_on date",
            "ALTER TABLE credit_marks ADD COLUMN lifted_by text",
            "ALTER TABLE credit_marks ADD COLUMN lift_reason text",
            // The admin's list: newest first, a page at a time.
            "CREATE INDEX ix_credit_marks_marked ON credit_marks (marked_on DESC, id)",
        ],
        // The open 告知承诺 核查's due date, and the inbox over cases with open tasks (CaseFiguresSql.PledgeCheckMigration).
        CaseFiguresSql.PledgeCheckMigration("date"),
    ];

    public static int LatestVersion => Migrations.Length;

    public static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecAsync(tx, "SELECT pg_advisory_xact_lock(hashtext('workflows.storage.schema'))", ct);
        await connection.ExecAsync(tx, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)", ct);
        int current;
        await using (var read = connection.Command(tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(ct));
        }
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The case store database is at schema version {current}, newer than this server's {LatestVersion}; upgrade the server.");
        }
        for (var version = current + 1; version <= LatestVersion; version++)
        {
            foreach (var statement in Migrations[version - 1]) await connection.ExecAsync(tx, statement, ct);
        }
        if (current < LatestVersion)
        {
            await connection.ExecAsync(tx, "DELETE FROM schema_version", ct);
            await connection.ExecAsync(tx, "INSERT INTO schema_version (version) VALUES (@v)", ct, ("v", LatestVersion));
        }
        await tx.CommitAsync(ct);
    }
}
