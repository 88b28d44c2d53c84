using Microsoft.Data.Sqlite;
using Workflows.Storage.Sqlite;

namespace Workflows.Storage.Tests;

/// <summary>The compliance suite on the SQLite provider, one fresh file per test.</summary>
public sealed class SqliteCaseStoreTests : CaseStoreComplianceTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workflows-storage-").FullName;

    private string DatabasePath => Path.Combine(_folder, SqliteCaseStore.DefaultFileName);

    protected override async Task<ICaseStore> OpenStoreAsync() => await SqliteCaseStore.OpenInFolderAsync(_folder);

    protected override async Task ExecuteRawAsync(string sql, Guid caseId)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@case", caseId.ToString("D"));
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Open_CreatesFileInWalModeWithSchemaVersion()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "SELECT version FROM schema_version";
        Assert.Equal(12L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Open_FileOfAServerThatMadeTheSecurityTablesOnFirstUse_MigratesAndKeepsTheirRows()
    {
        // Servers before schema step 6 created sessions, security_events and account_admin on first use.
        await using (var store = await OpenStoreAsync())
            await ((ISecurityStore)store).CreateSessionAsync(new StoredSession("s-1", "clerk", Cases.T0, Cases.T0, null, "127.0.0.1"));
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var back = connection.CreateCommand();
            // Back to what such a server left: schema 5, the security tables beside it, nothing of steps 7 to 12.
            back.CommandText = """
                UPDATE schema_version SET version = 5;
                DROP TABLE opinion_phrases; DROP TABLE kiosk_devices; DROP TABLE window_cases; DROP TABLE credit_marks;
                ALTER TABLE security_events DROP COLUMN target;
                DROP INDEX ix_cases_procedure; ALTER TABLE cases DROP COLUMN procedure_due;
                DROP INDEX ix_cases_pledge_check; DROP INDEX ix_cases_tasks; ALTER TABLE cases DROP COLUMN pledge_check_due;
                """;
            await back.ExecuteNonQueryAsync();
        }

        await using var reopened = await OpenStoreAsync();

        Assert.Equal("clerk", (await ((ISecurityStore)reopened).FindSessionAsync("s-1"))?.UserName);
        await using var check = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await check.OpenAsync();
        await using var version = check.CreateCommand();
        version.CommandText = "SELECT version FROM schema_version";
        Assert.Equal(12L, await version.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Append_WritesOnlyChangedIndexColumns_RowEndsAsIfEveryColumnWereWritten()
    {
        // An append sets only the index and figure columns whose value changed: after values go from
        // set to empty, empty to set and stay, the row must hold exactly what a case created with the
        // last index holds (creation writes every column).
        var first = new CaseIndex("Received", "education", "张三", "110101199003071234", new DateOnly(2026, 3, 20), "|education|", true,
            new CaseFigures("teacher", "education", new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 18), false, new DateOnly(2026, 3, 2),
                Assignees: "|w:comprehensive-1:*#|", TaskDue: new DateOnly(2026, 3, 4)));
        var second = first with
        {
            Status = "InProgress", Department = null, DueDate = null,
            Figures = first.Figures! with { Suspended = true, Assignees = "|d:education:reviewer#li|", TaskDue = null, ProcedureDue = new DateOnly(2026, 4, 1) },
        };
        var last = second with
        {
            Status = "Completed", Department = "water", Parties = "|education|water|", Open = false,
            Figures = second.Figures! with { Suspended = false, ClosedOn = new DateOnly(2026, 3, 16), OnTime = true, Rating = "VerySatisfied",
                Assignees = null, ProcedureDue = null },
        };
        var appended = (await CreateAsync(new NewCase(Guid.NewGuid(), "桃山", 2026, Cases.Change(first, "case.received")))).CaseId;
        Assert.IsType<AppendResult.Appended>(await Store.AppendAsync(appended, 1, Cases.Change(second, "case.accepted")));
        Assert.IsType<AppendResult.Appended>(await Store.AppendAsync(appended, 2, Cases.Change(second, "case.updated")));
        Assert.IsType<AppendResult.Appended>(await Store.AppendAsync(appended, 3, Cases.Change(last, "case.closed")));
        var created = (await CreateAsync(new NewCase(Guid.NewGuid(), "桃山", 2026, Cases.Change(last, "case.closed")))).CaseId;

        var columns = "status, department, applicant_name, applicant_id, due_date, parties, is_open, " + string.Join(", ", CaseFiguresSql.Columns);
        Assert.Equal(await RowAsync(columns, created), await RowAsync(columns, appended));
        Assert.Equal(["Completed", "water", 0L, "2026-03-16", 1L, "VerySatisfied", null, null],
            await RowAsync("status, department, is_open, closed_on, on_time, rating, assignees, procedure_due", appended));
    }

    private async Task<object?[]> RowAsync(string columns, Guid caseId)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM cases WHERE id = @case";
        command.Parameters.AddWithValue("@case", caseId.ToString("D"));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray();
    }
}
