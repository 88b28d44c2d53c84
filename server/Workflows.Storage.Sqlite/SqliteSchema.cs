using Microsoft.Data.Sqlite;

namespace Workflows.Storage.Sqlite;

/// <summary>
/// Creates and migrates the schema on open. Migrations are append-only: a released step is never
/// edited, a change is a new step, and <c>schema_version</c> records how far a file has come.
/// </summary>
internal static class SqliteSchema
{
    // Ids are lower-case GUID text, times are Unix microseconds (comparable integers), due dates
    // are ISO text (yyyy-MM-dd sorts as it compares).
    private static readonly string[][] Migrations =
    [
        [
            """
            CREATE TABLE case_counters (
                office TEXT NOT NULL, year INTEGER NOT NULL, last_seq INTEGER NOT NULL,
                PRIMARY KEY (office, year)) WITHOUT ROWID
            """,
            """
            CREATE TABLE cases (
                id TEXT PRIMARY KEY, office TEXT NOT NULL, year INTEGER NOT NULL, seq INTEGER NOT NULL,
                number TEXT NOT NULL UNIQUE, version INTEGER NOT NULL, head_hash TEXT NOT NULL, state TEXT NOT NULL,
                status TEXT NOT NULL, department TEXT, applicant_name TEXT, applicant_id TEXT, due_date TEXT,
                created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                UNIQUE (office, year, seq))
            """,
            "CREATE INDEX ix_cases_created ON cases (created_at DESC)",
            "CREATE INDEX ix_cases_status ON cases (status, created_at DESC)",
            "CREATE INDEX ix_cases_department ON cases (department, created_at DESC)",
            "CREATE INDEX ix_cases_applicant_name ON cases (applicant_name)",
            "CREATE INDEX ix_cases_applicant_id ON cases (applicant_id)",
            "CREATE INDEX ix_cases_due_date ON cases (due_date)",
            """
            CREATE TABLE events (
                case_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL,
                recorded_at INTEGER NOT NULL, hash TEXT NOT NULL,
                PRIMARY KEY (case_id, seq)) WITHOUT ROWID
            """,
            """
            CREATE TABLE idempotency (
                key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, case_id TEXT NOT NULL, version INTEGER NOT NULL)
            """,
            """
            CREATE TABLE timers (
                id TEXT PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, due_at INTEGER NOT NULL,
                payload TEXT NOT NULL, fired_at INTEGER)
            """,
            "CREATE INDEX ix_timers_pending ON timers (due_at) WHERE fired_at IS NULL",
        ],
        [
            "ALTER TABLE cases ADD COLUMN parties TEXT",
            "ALTER TABLE cases ADD COLUMN is_open INTEGER NOT NULL DEFAULT 1",
            "CREATE INDEX ix_cases_open ON cases (is_open, created_at DESC)",
            """
            CREATE TABLE contents (
                key TEXT PRIMARY KEY, content_type TEXT NOT NULL, size INTEGER NOT NULL, content BLOB NOT NULL,
                stored_at INTEGER NOT NULL)
            """,
            """
            CREATE TABLE accounts (
                user_name TEXT PRIMARY KEY, display_name TEXT NOT NULL, password_hash TEXT NOT NULL,
                roles TEXT NOT NULL, department TEXT, window TEXT, disabled INTEGER NOT NULL DEFAULT 0)
            """,
        ],
        [
            // Document numbers: the counters live in case_counters under 'doc:' + series.
            """
            CREATE TABLE document_numbers (
                series TEXT NOT NULL, year INTEGER NOT NULL, seq INTEGER NOT NULL, case_id TEXT NOT NULL, document TEXT NOT NULL,
                PRIMARY KEY (series, year, seq), UNIQUE (case_id, document)) WITHOUT ROWID
            """,
        ],
        // Supervision's figures (CaseFiguresSql): dates as ISO text like due_date.
        CaseFiguresSql.Migration("text"),
        [
            // The outbox: effects written with their command's events, handed out after the commit.
            """
            CREATE TABLE intents (
                id TEXT PRIMARY KEY, case_id TEXT NOT NULL, version INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,
                created_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, failed INTEGER NOT NULL DEFAULT 0,
                leased_until INTEGER, done_at INTEGER)
            """,
            "CREATE INDEX ix_intents_pending ON intents (created_at) WHERE done_at IS NULL",
            "CREATE INDEX ix_intents_case ON intents (case_id)",
            // The certificate register behind /verify, written with the grant.
            """
            CREATE TABLE certificates (
                identifier TEXT PRIMARY KEY, case_id TEXT, document_id TEXT, holder_hash TEXT, status TEXT NOT NULL,
                record TEXT NOT NULL, pdf_sha256 TEXT, issued_at INTEGER NOT NULL)
            """,
            "CREATE INDEX ix_certificates_holder ON certificates (holder_hash)",
            "CREATE INDEX ix_certificates_case ON certificates (case_id)",
        ],
        [
            // Sessions, the security log and the accounts' administration, created on first use by
            // servers before this step (hence IF NOT EXISTS: a file may have them already).
            """
            CREATE TABLE IF NOT EXISTS sessions (
                id TEXT PRIMARY KEY, user_name TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL,
                revoked_at INTEGER, address TEXT)
            """,
            "CREATE INDEX IF NOT EXISTS ix_sessions_user ON sessions (user_name)",
            """
            CREATE TABLE IF NOT EXISTS security_events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, kind TEXT NOT NULL, user_name TEXT, address TEXT, detail TEXT)
            """,
            "CREATE INDEX IF NOT EXISTS ix_security_events_user ON security_events (user_name, at)",
            "CREATE INDEX IF NOT EXISTS ix_security_events_address ON security_events (address, at)",
            """
            CREATE TABLE IF NOT EXISTS account_admin (
                user_name TEXT PRIMARY KEY, must_change_password INTEGER NOT NULL DEFAULT 0, last_sign_in_at INTEGER)
            """,
        ],
        [
            // 常用意见: a reviewer's or a department's saved opinion phrases (IOpinionPhraseStore).
            """
            CREATE TABLE opinion_phrases (
                id TEXT PRIMARY KEY, scope TEXT NOT NULL, owner TEXT NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL,
                UNIQUE (scope, owner, text))
            """,
        ],
        [
            // Who or what a security event was about (an account, a case, a tablet).
            "ALTER TABLE security_events ADD COLUMN target TEXT",
            // Rating tablets paired with a window, and each window's current case (IKioskStore).
            """
            CREATE TABLE kiosk_devices (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, window_id TEXT NOT NULL, pin_hash TEXT NOT NULL,
                created_at INTEGER NOT NULL, created_by TEXT NOT NULL, pairing_code_hash TEXT, pairing_code_expires_at INTEGER,
                paired_at INTEGER, revoked_at INTEGER, revoked_by TEXT)
            """,
            "CREATE UNIQUE INDEX ix_kiosk_devices_code ON kiosk_devices (pairing_code_hash)",
            """
            CREATE TABLE window_cases (
                window_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, at INTEGER NOT NULL, by_user TEXT NOT NULL)
            """,
        ],
        // The running 特别程序's announced end (CaseFiguresSql.ProcedureMigration).
        CaseFiguresSql.ProcedureMigration("text"),
        [
            // 信用记录: false pledges (告知承诺核查) and 失信 marks by applicant (ICreditRecords).
            """
            CREATE TABLE credit_marks (
                id TEXT PRIMARY KEY, applicant_id TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,
                marked_on TEXT NOT NULL, case_id TEXT, case_number TEXT)
            """,
            "CREATE INDEX ix_credit_marks_applicant ON credit_marks (applicant_id)",
        ],
        [
            // 失信 marks an office manages (CreditMarkAdministration): where a mark comes from, until when it
            // refuses, who entered it, and 信用修复 (a lifted mark keeps its row with who, when and why).
            "ALTER TABLE credit_marks ADD COLUMN applicant_name TEXT",
            "ALTER TABLE credit_marks ADD COLUMN basis TEXT",
            "ALTER TABLE credit_marks ADD COLUMN valid_until TEXT",
            "ALTER TABLE credit_marks ADD COLUMN added_by TEXT",
            "ALTER TABLE credit_marks ADD COLUMN lifted_on TEXT",
            "ALTER TABLE credit_marks ADD COLUMN lifted_by TEXT",
            "ALTER TABLE credit_marks ADD COLUMN lift_reason TEXT",
            // The admin's list: newest first, a page at a time.
            "CREATE INDEX ix_credit_marks_marked ON credit_marks (marked_on DESC, id)",
        ],
        // The open 告知承诺 核查's due date, and the inbox over cases with open tasks (CaseFiguresSql.PledgeCheckMigration).
        CaseFiguresSql.PledgeCheckMigration("text"),
    ];

    public static int LatestVersion => Migrations.Length;

    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken ct)
    {
        // WAL lets readers run beside the single writer; it is a property of the file, set once.
        await Exec(connection, null, "PRAGMA journal_mode=WAL", ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await Exec(connection, tx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", ct);
        var current = await CurrentVersionAsync(connection, tx, ct);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The case store file is at schema version {current}, newer than this server's {LatestVersion}; upgrade the server.");
        }
        for (var version = current + 1; version <= LatestVersion; version++)
        {
            foreach (var statement in Migrations[version - 1]) await Exec(connection, tx, statement, ct);
        }
        if (current < LatestVersion)
        {
            await Exec(connection, tx, "DELETE FROM schema_version", ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO schema_version (version) VALUES (@v)";
            insert.Parameters.AddWithValue("@v", LatestVersion);
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? 0 : Convert.ToInt32(value);
    }

    private static async Task Exec(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
