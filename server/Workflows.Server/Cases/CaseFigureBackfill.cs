using Workflows.Storage;

namespace Workflows.Server.Cases;

/// <summary>
/// On start, fills in the figure columns of cases stored before they existed (an upgraded data folder
/// or database), so supervision and the inboxes count them; new changes write their own. It runs in
/// the background in batches and says in the log how many it filled in.
/// </summary>
public sealed class CaseFigureBackfill(ICaseFigures figures, CaseService service, ILogger<CaseFigureBackfill> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tried = new HashSet<Guid>();
        var filled = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // A case that cannot be loaded or filled stays in the answer; the tried set stops the loop there.
                var ids = (await figures.WithoutFiguresAsync(Batch + tried.Count, stoppingToken)).Where(tried.Add).ToList();
                if (ids.Count == 0) break;
                foreach (var id in ids)
                {
                    if (await service.LoadAsync(id, stoppingToken) is not { } loaded) continue;
                    var pinned = await service.DefinitionsOfAsync(loaded.State, stoppingToken);
                    if (pinned?.Snapshot is not { } snapshot) continue;
                    var item = snapshot.Set.Item(loaded.State.ItemId);
                    if (await figures.SetFiguresAsync(id, loaded.Stored.Version, CaseFigureIndex.Of(loaded.State, snapshot, item), stoppingToken)) filled++;
                }
            }
            if (filled > 0) logger.LogInformation("已为 {Count} 件旧办件补建监督索引 (filled in the supervision figures of {Count} cases stored before them)", filled, filled);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "补建监督索引失败 (filling in the supervision figures failed) after {Count} cases", filled);
        }
    }
}
