using Workflows.Definitions.Validation;
using System.Collections.Concurrent;
using System.IO.Compression;
using Workflows.Storage;

namespace Workflows.Server.Hosting;

/// <summary>A definition version with the folder its templates are read from.</summary>
public sealed record PinnedDefinitions(DefinitionSnapshot Snapshot, string TemplatesRoot);

/// <summary>
/// Every definition version a case was received on stays available: each loaded version is
/// archived (definition and template files, zipped) in the content store under
/// <c>definitions:&lt;version&gt;</c>, and a case whose version is no longer current is run on that
/// archive, unpacked once into the data folder's cache and loaded like any other version. So an
/// edit of a workflow changes new cases only, also after a restart and on every node.
/// </summary>
public sealed class DefinitionVersions(DefinitionCatalog catalog, IContentStore contents, string cacheFolder, ILogger<DefinitionVersions> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PinnedDefinitions?>>> _loaded = new();
    private readonly ConcurrentDictionary<string, bool> _archived = new();

    public static string ContentKey(string version) => "definitions:" + version;

    /// <summary>The current version, archived first so a case received on it can always be replayed.</summary>
    public async Task<PinnedDefinitions?> CurrentAsync(CancellationToken ct = default)
    {
        var snapshot = catalog.Current;
        if (snapshot is null) return null;
        if (!_archived.ContainsKey(snapshot.Version))
        {
            var archive = Archive(catalog.DefinitionsRoot, catalog.TemplatesRoot, out var version);
            // The files changed after this snapshot was loaded: the watcher reloads soon; the case
            // runs on the new files' version once it is current, never on an unarchived one.
            if (version != snapshot.Version)
                throw new DefinitionsChangingException();
            await contents.PutContentAsync(ContentKey(version), "application/zip", archive, ct);
            _archived[version] = true;
        }
        return new PinnedDefinitions(snapshot, catalog.TemplatesRoot);
    }

    /// <summary>
    /// The version a case is pinned to: the current one, or its archive; null when never archived.
    /// The working calendar is never pinned: a holiday schedule is a fact about the year, not part of
    /// the item's rules, so every case counts with the latest published calendar (one calendar service).
    /// </summary>
    public async Task<PinnedDefinitions?> GetAsync(string version, CancellationToken ct = default)
    {
        if (catalog.Current is { } current && current.Version == version)
            return new PinnedDefinitions(current, catalog.TemplatesRoot);
        var lazy = _loaded.GetOrAdd(version, v => new Lazy<Task<PinnedDefinitions?>>(() => LoadArchivedAsync(v, ct)));
        var pinned = await lazy.Value;
        return pinned is not null && catalog.Current is { } latest && !ReferenceEquals(latest.Calendar, pinned.Snapshot.Calendar)
            ? pinned with { Snapshot = pinned.Snapshot with { Calendar = latest.Calendar } }
            : pinned;
    }

    private async Task<PinnedDefinitions?> LoadArchivedAsync(string version, CancellationToken ct)
    {
        var stored = await contents.GetContentAsync(ContentKey(version), ct);
        if (stored is null)
        {
            _loaded.TryRemove(version, out _);
            return null;
        }
        var folder = Path.Combine(cacheFolder, version);
        if (!Directory.Exists(folder))
        {
            var temp = folder + "." + Guid.NewGuid().ToString("N");
            using (var zip = new ZipArchive(new MemoryStream(stored.Content), ZipArchiveMode.Read)) zip.ExtractToDirectory(temp);
            try { Directory.Move(temp, folder); }
            catch (IOException) when (Directory.Exists(folder)) { Directory.Delete(temp, recursive: true); }
        }
        var definitions = Path.Combine(folder, "definitions");
        var templates = Path.Combine(folder, "templates");
        var set = DefinitionPipeline.LoadAndValidate(definitions, templates, DefinitionPipeline.Today());
        // A version that was good when archived may warn about a calendar year today; only its
        // structure matters for replay, so errors are logged rather than refused.
        foreach (var d in set.Diagnostics.Sorted().Where(d => d.IsError)) logger.LogWarning("归档定义版本 {Version}: {Diagnostic}", version, d.ToString());
        logger.LogInformation("已载入归档定义版本 {Version} (archived definitions loaded)", version);
        return new PinnedDefinitions(new DefinitionSnapshot(set, version, DateTimeOffset.Now, CalendarRules.Build(set.Calendars)), templates);
    }

    /// <summary>Zips the definition and template files and computes the same version hash as <see cref="DefinitionSnapshot.HashOf"/>.</summary>
    public static byte[] Archive(string definitionsRoot, string templatesRoot, out string version)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (root, prefix) in new[] { (definitionsRoot, "definitions"), (templatesRoot, "templates") })
            {
                if (!Directory.Exists(root)) continue;
                foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                    if (relative.StartsWith('.') && !relative.StartsWith(".schemas", StringComparison.Ordinal)) continue;
                    zip.CreateEntryFromFile(file, prefix + "/" + relative, CompressionLevel.Fastest);
                }
            }
        }
        var bytes = buffer.ToArray();
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            version = DefinitionSnapshot.HashOf(
                zip.Entries.Where(e => e.FullName.StartsWith("definitions/", StringComparison.Ordinal)).Select(e => (e.FullName["definitions/".Length..], Read(e))),
                zip.Entries.Where(e => e.FullName.StartsWith("templates/", StringComparison.Ordinal)).Select(e => (e.FullName["templates/".Length..], Read(e))));
        }
        return bytes;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>The definition files changed between load and archive; retry once the watcher reloaded.</summary>
public sealed class DefinitionsChangingException() : Exception("定义文件正在变更，请稍后重试 (definitions are changing; retry shortly)");
