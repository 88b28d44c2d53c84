namespace Workflows.Server.Hosting;

/// <summary>Reloads the catalog shortly after files change; editors write in bursts, so changes are debounced.</summary>
public sealed class DefinitionWatcher(DefinitionCatalog catalog, ILogger<DefinitionWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changed = new SemaphoreSlim(0);
        using var watchers = new CompositeDisposable(
            new[] { catalog.DefinitionsRoot, catalog.TemplatesRoot }.Where(Directory.Exists).Select(root => Watch(root, () => changed.Release())));
        while (!stoppingToken.IsCancellationRequested)
        {
            await changed.WaitAsync(stoppingToken);
            while (await changed.WaitAsync(Quiet, stoppingToken)) { }
            try { catalog.Reload(); }
            catch (Exception e) { logger.LogError(e, "重新加载定义失败 (reload failed)"); }
        }
    }

    private static FileSystemWatcher Watch(string root, Action onChange)
    {
        var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName };
        watcher.Changed += (_, _) => onChange();
        watcher.Created += (_, _) => onChange();
        watcher.Deleted += (_, _) => onChange();
        watcher.Renamed += (_, _) => onChange();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private sealed class CompositeDisposable(IEnumerable<IDisposable> items) : IDisposable
    {
        private readonly List<IDisposable> _items = items.ToList();
        public void Dispose() => _items.ForEach(i => i.Dispose());
    }
}
