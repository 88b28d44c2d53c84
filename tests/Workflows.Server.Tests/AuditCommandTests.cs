using Microsoft.Data.Sqlite;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Tests;

/// <summary><c>workflows audit verify</c> on a real SQLite case store, before and after someone edits an event row.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("workflows-audit-").FullName;

    private async Task<Guid> SeedAsync()
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 16, 9, 35, 0, TimeSpan.FromHours(8));
        await using var store = await CaseStores.OpenAsync(_data, postgres: null);
        var snapshot = new CaseSnapshot("""{"status":"in-progress"}""", new CaseIndex("in-progress", "education", "张三"));
        await store.CreateCaseAsync(new NewCase(id, "桃山", 2026, new CaseChange(
        [
            new NewEvent("case-received", """{"applicant":"张三"}""", at),
            new NewEvent("case-accepted", """{"clerk":"王丽"}""", at.AddMinutes(5)),
        ], snapshot)));
        await store.AppendAsync(id, 2, new CaseChange([new NewEvent("task-completed", """{"outcome":"pass"}""", at.AddDays(1))], snapshot));
        return id;
    }

    [Fact]
    public async Task Verify_IntactStore_ExitsZero()
    {
        await SeedAsync();

        var result = Repo.Cli(Repo.Root, "audit", "verify", "--data", _data);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("未发现篡改", result.Out);
    }

    [Fact]
    public async Task Verify_AfterAnEventRowIsEdited_ExitsOneNamingTheCaseAndEvent()
    {
        var id = await SeedAsync();
        await using (var connection = new SqliteConnection($"Data Source={CaseStores.SqlitePath(_data)};Pooling=False"))
        {
            await connection.OpenAsync();
            var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE events SET payload = '{\"outcome\":\"refuse\"}' WHERE seq = 3";
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var result = Repo.Cli(Repo.Root, "audit", "verify", "--data", _data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"办件 {id} 事件 3", result.Out);
    }

    [Fact]
    public void Verify_NoStore_ExitsTwoWithoutCreatingOne()
    {
        var result = Repo.Cli(Repo.Root, "audit", "verify", "--data", _data);

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(CaseStores.SqlitePath(_data)));
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
