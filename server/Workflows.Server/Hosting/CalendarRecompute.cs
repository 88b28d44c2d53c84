using Workflows.Engine.Commands;
using Workflows.Server.Cases;
using Workflows.Storage;

namespace Workflows.Server.Hosting;

/// <summary>
/// 暂定 due dates made firm (DOMAIN.md §5): when a reload adds a calendar year, and once at start
/// (a year may have been added while no server ran), every open case is sent
/// <see cref="RecomputeDeadlines"/>. The engine records <c>DeadlinesRecomputed</c> only where a
/// provisional date moved or lost its mark, so a case with nothing provisional stays untouched.
/// </summary>
public sealed class CalendarRecompute(DefinitionCatalog catalog, ICaseStore store, CaseService cases, ILogger<CalendarRecompute> logger) : BackgroundService
{
    private const int PageSize = 200;
    private readonly SemaphoreSlim _pending = new(0);
    private readonly Lock _gate = new();
    private readonly List<int> _published = [];

    /// <summary>Cases whose dates were recomputed since the server started (for logs and tests).</summary>
    public int Recomputed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        catalog.CalendarYearsPublished += OnPublished;
        try
        {
            await Task.Yield();
            await RunAsync(null, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await _pending.WaitAsync(stoppingToken);
                int[] years;
                lock (_gate)
                {
                    years = [.. _published.Distinct().Order()];
                    _published.Clear();
                }
                if (years.Length > 0) await RunAsync(years, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            catalog.CalendarYearsPublished -= OnPublished;
        }
    }

    private void OnPublished(IReadOnlyList<int> years)
    {
        lock (_gate) _published.AddRange(years);
        _pending.Release();
    }

    /// <summary>Sends the command to every open case; returns how many cases recorded new dates.</summary>
    public async Task<int> RunAsync(IReadOnlyList<int>? years, CancellationToken ct = default)
    {
        if (catalog.Current is null) return 0;
        var moved = 0;
        // Collect the ids first: recording an event changes the index the pages are read from.
        var ids = new List<Guid>();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await store.SearchAsync(new CaseQuery { OpenOnly = true, Skip = skip, Take = PageSize }, ct);
            ids.AddRange(page.Items.Select(i => i.Id));
            if (!page.HasMore) break;
        }
        foreach (var id in ids)
        {
            try
            {
                var before = await store.LoadAsync(id, ct);
                var result = await cases.ExecuteAsync(id, new RecomputeDeadlines(years), cancellationToken: ct);
                if (result is CaseCommandResult.Ok ok && before is not null && ok.Version != before.Version) moved++;
                else if (result is not CaseCommandResult.Ok)
                    logger.LogWarning("办件 {CaseId} 期限重新计算未完成：{Result} (recompute refused)", id, result);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "办件 {CaseId} 期限重新计算失败 (recompute failed)", id);
            }
        }
        Recomputed += moved;
        if (moved > 0) logger.LogInformation("已重新计算 {Count} 件在办件的暂定期限 (provisional due dates recomputed)", moved);
        return moved;
    }
}
