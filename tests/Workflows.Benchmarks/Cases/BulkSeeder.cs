using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Workflows.Domain;
using Workflows.Engine.Ports;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;
using Workflows.Storage.Sqlite;

namespace Workflows.Benchmarks.Cases;

/// <summary>
/// Fills a fresh SQLite case store with completed cases, fast: direct SQL into the real schema in
/// big transactions. Each seeded case is a copy of a template case that <see cref="CaseService"/>
/// really ran through the whole lifecycle on one of <see cref="TemplateDays"/> (2025 and 2026),
/// with its own id, gap-free number, applicant name and valid resident id substituted in the
/// snapshot and the event payloads, and its event hash chain recomputed, so
/// <c>workflows audit verify</c> accepts the file. Completed cases hold no pending timers, like
/// the bulk of an office's history.
/// </summary>
public static class BulkSeeder
{
    private const int Batch = 10_000;
    private const string Office = "桃山";
    private const string TemplateName = "张建国";
    private const string TemplateIdNumber = "230903197806123513";
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
    private static readonly string[] Given = ["建国", "秀英", "桂兰", "志强", "丽娟", "海燕", "玉珍", "国庆", "淑华", "春生", "晓东", "文博", "子涵", "雨桐", "俊杰", "思远"];

    private sealed record Template(int Year, string Id, string Number, string State, CaseIndex Index, long CreatedAt, long UpdatedAt,
        IReadOnlyList<StoredEvent> Events);

    /// <summary>Working days at 9:00 China time on which the templates were received.</summary>
    private static IEnumerable<DateTimeOffset> TemplateDays()
    {
        for (var month = new DateOnly(2025, 1, 1); month < new DateOnly(2026, 11, 1); month = month.AddMonths(1))
        {
            foreach (var day in new[] { 6, 20 })
                yield return new DateTimeOffset(month.Year, month.Month, day, 9, 0, 0, TimeSpan.FromHours(8));
        }
    }

    public static async Task SeedAsync(string definitions, string templates, string scratch, string dataFolder, int count, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        var samples = await TemplatesAsync(definitions, templates, scratch);
        log.WriteLine($"  {samples.Count} 个模板办件（真实办结流程）：{watch.Elapsed.TotalSeconds:0.0} s");
        // Open (creating the schema) through the real store, then write directly.
        await (await SqliteCaseStore.OpenInFolderAsync(dataFolder)).DisposeAsync();
        SqliteConnection.ClearAllPools();

        // Ids in sorted order: the events table is clustered on (case_id, seq), so inserts append.
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString("D")).Order(StringComparer.Ordinal).ToArray();
        var sequences = new Dictionary<int, long>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, SqliteCaseStore.DefaultFileName) }.ToString());
        await connection.OpenAsync();
        // A throwaway bulk load: no journal, no syncs, a big page cache; WAL again at the end.
        await ExecAsync(connection, "PRAGMA journal_mode=DELETE; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY;");
        var insertCase = Prepare(connection,
            $"""
            INSERT INTO cases (id, office, year, seq, number, version, head_hash, state, status, department,
                applicant_name, applicant_id, due_date, parties, is_open, created_at, updated_at, {CaseFiguresSql.InsertColumns})
            VALUES ($id, $office, $year, $seq, $number, $version, $head, $state, $status, $department,
                $name, $applicant, $due, $parties, $open, $created, $updated, {CaseFiguresSql.InsertValues})
            """, ["$id", "$office", "$year", "$seq", "$number", "$version", "$head", "$state", "$status", "$department",
            "$name", "$applicant", "$due", "$parties", "$open", "$created", "$updated", .. CaseFiguresSql.Columns.Select(c => "@" + c)]);
        var insertEvent = Prepare(connection,
            "INSERT INTO events (case_id, seq, type, payload, recorded_at, hash) VALUES ($case, $seq, $type, $payload, $at, $hash)",
            "$case", "$seq", "$type", "$payload", "$at", "$hash");
        long bytes = 0;
        // Rows are built (substitution, hash chain) on the thread pool one batch ahead of the writer.
        var next = Task.Run(() => Build(samples, ids, sequences, 0));
        for (var start = 0; start < count; start += Batch)
        {
            var rows = await next;
            if (start + Batch < count)
            {
                var following = start + Batch;
                next = Task.Run(() => Build(samples, ids, sequences, following));
            }
            await using var tx = connection.BeginTransaction();
            insertCase.Transaction = tx;
            insertEvent.Transaction = tx;
            foreach (var row in rows)
            {
                foreach (var e in row.Events)
                {
                    Set(insertEvent, row.Id, e.Sequence, e.Type, e.Payload, StoredTime.ToUnixMicroseconds(e.RecordedAt), e.Hash);
                    await insertEvent.ExecuteNonQueryAsync();
                    bytes += e.Payload.Length;
                }
                var t = row.Template;
                bytes += row.State.Length;
                Set(insertCase, [row.Id, Office, t.Year, row.Seq, row.Number, t.Events.Count, row.Events[^1].Hash, row.State, t.Index.Status,
                    t.Index.Department, row.Name, row.IdNumber, t.Index.DueDate?.ToString("yyyy-MM-dd"), t.Index.Parties, t.Index.Open ? 1 : 0,
                    t.CreatedAt, t.UpdatedAt, .. Figures(t.Index)]);
                await insertCase.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            if ((start / Batch) % 10 == 9) log.WriteLine($"  已写入 {start + Batch:N0} 件（{watch.Elapsed.TotalSeconds:0} s）");
        }
        foreach (var (year, last) in sequences)
        {
            await ExecAsync(connection, $"INSERT INTO case_counters (office, year, last_seq) VALUES ('{Office}', {year}, {last}) " +
                $"ON CONFLICT (office, year) DO UPDATE SET last_seq = {last}");
        }
        await ExecAsync(connection, "ANALYZE; PRAGMA journal_mode=WAL;");
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        log.WriteLine($"  共 {count:N0} 件，约 {bytes / 1_000_000:N0} MB 快照与事件，{new FileInfo(Path.Combine(dataFolder, SqliteCaseStore.DefaultFileName)).Length / 1_000_000:N0} MB 文件，用时 {watch.Elapsed.TotalSeconds:0} s");
    }

    private sealed record Row(string Id, Template Template, long Seq, string Number, string Name, string IdNumber, string State, List<StoredEvent> Events);

    /// <summary>The rows of the batch starting at <paramref name="start"/>: a template each, its texts substituted, its chain recomputed.</summary>
    private static Row[] Build(List<Template> samples, string[] ids, Dictionary<int, long> sequences, int start)
    {
        var end = Math.Min(ids.Length, start + Batch);
        // Numbers are handed out in id order, so allocate them before building in parallel.
        var numbers = new (long Seq, string Number)[end - start];
        for (var i = start; i < end; i++)
        {
            var year = samples[i % samples.Count].Year;
            var seq = sequences[year] = sequences.GetValueOrDefault(year) + 1;
            numbers[i - start] = (seq, CaseNumberFormat.Default.Format(Office, year, seq).Text);
        }
        var rows = new Row[end - start];
        Parallel.For(start, end, i =>
        {
            var t = samples[i % samples.Count];
            var id = ids[i];
            var (seq, number) = numbers[i - start];
            var name = Surnames[i % Surnames.Length] + Given[i / Surnames.Length % Given.Length];
            var idNumber = IdNumber(i);
            string Substitute(string text) => text.Replace(t.Id, id).Replace(t.Number, number).Replace(TemplateName, name).Replace(TemplateIdNumber, idNumber);
            var caseId = Guid.Parse(id);
            var head = EventHash.Genesis;
            var events = new List<StoredEvent>(t.Events.Count);
            foreach (var e in t.Events)
            {
                var payload = Substitute(e.Payload);
                head = EventHash.Compute(head, caseId, e.Sequence, e.Type, payload, e.RecordedAt);
                events.Add(e with { CaseId = caseId, Payload = payload, Hash = head });
            }
            rows[i - start] = new Row(id, t, seq, number, name, idNumber, Substitute(t.State), events);
        });
        return rows;
    }

    /// <summary>One completed lifecycle per template day, run by the real service on a scratch store.</summary>
    private static async Task<List<Template>> TemplatesAsync(string definitions, string templates, string scratch)
    {
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        Directory.CreateDirectory(scratch);
        var catalog = new DefinitionCatalog(definitions, templates, Microsoft.Extensions.Logging.Abstractions.NullLogger<DefinitionCatalog>.Instance);
        if (!catalog.Reload()) throw new InvalidOperationException(string.Join("\n", catalog.LastDiagnostics));
        var clock = new SettableClock();
        var result = new List<Template>();
        await using var store = await SqliteCaseStore.OpenInFolderAsync(scratch);
        var service = new CaseService(store, catalog, scratch, clock);
        foreach (var day in TemplateDays())
        {
            clock.Now = day;
            var id = await LifecycleRun.OneAsync(service);
            var stored = (await store.LoadAsync(id))!;
            var events = await store.ReadEventsAsync(id);
            // The store reads back the search columns only: the figure columns come from the state, as a command writes them.
            var state = CaseJson.Deserialize(stored.Snapshot.State);
            var index = stored.Snapshot.Index with { Figures = CaseFigureIndex.Of(state, catalog.Current!, catalog.Current!.Set.Item(state.ItemId)) };
            result.Add(new Template(stored.Number.Year, id.ToString("D"), stored.Number.Text, stored.Snapshot.State, index,
                StoredTime.ToUnixMicroseconds(events[0].RecordedAt), StoredTime.ToUnixMicroseconds(events[^1].RecordedAt), events));
        }
        return result;
    }

    /// <summary>A valid resident id (GB 11643) of someone born 1950–1999 in 桃山区.</summary>
    private static string IdNumber(int i)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(i % 18_250);
        var first17 = $"230903{birth:yyyyMMdd}{i / 18_250 % 1000:000}";
        return first17 + ResidentId.ComputeCheckCharacter(first17);
    }

    /// <summary>The template's figure columns as SQLite stores them (dates as ISO text).</summary>
    private static object?[] Figures(CaseIndex index) =>
        CaseFiguresSql.Parameters(index.Figures).Select(p => p.Value is DateOnly d ? d.ToString("yyyy-MM-dd") : p.Value).ToArray();

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class SettableClock : IClock
    {
        public DateTimeOffset Now { get; set; }
    }
}
