using System.Security.Cryptography;
using System.Text;
using Workflows.Definitions.Model;
using Workflows.Domain;
using Workflows.Engine.Graph;

namespace Workflows.Server.Hosting;

/// <summary>One validated, immutable version of the definitions, identified by the hash of its files.</summary>
public sealed record DefinitionSnapshot(DefinitionSet Set, string Version, DateTimeOffset LoadedAt, WorkingCalendar Calendar)
{
    /// <summary>
    /// Each item's workflow compiled once for this version, by item id: every case on the version
    /// runs the same immutable graph. A workflow that does not compile (only possible for an archived
    /// version that no longer validates) is left out; the engine then refuses its commands with the reason.
    /// </summary>
    public IReadOnlyDictionary<string, CompiledWorkflow> Graphs { get; } = Compile(Set);

    private static IReadOnlyDictionary<string, CompiledWorkflow> Compile(DefinitionSet set)
    {
        var graphs = new Dictionary<string, CompiledWorkflow>(StringComparer.Ordinal);
        foreach (var item in set.Items.Where(i => i.Workflow is not null))
        {
            try { graphs.TryAdd(item.Id, WorkflowCompiler.Compile(item)); }
            catch (WorkflowCompileException) { }
        }
        return graphs;
    }

    /// <summary>SHA-256 over every definition and template file (path and bytes, in path order): equal content, equal version.</summary>
    public static string HashOf(string definitionsRoot, string templatesRoot) =>
        HashOf(FilesOf(definitionsRoot), FilesOf(templatesRoot));

    /// <summary>The same hash over files given as (relative path, bytes): what an archived version is checked with.</summary>
    public static string HashOf(IEnumerable<(string Path, byte[] Bytes)> definitions, IEnumerable<(string Path, byte[] Bytes)> templates)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // .hbs: templates before the move to Scriban, so archived versions still hash as they did.
        foreach (var (files, extension) in new[] { (definitions, ".yaml"), (templates, ".hbs"), (templates, Workflows.Definitions.Loading.DefinitionLoader.TemplateExtension) })
        {
            foreach (var (path, bytes) in files.Where(f => f.Path.EndsWith(extension, StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                sha.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
                sha.AppendData(bytes);
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static IEnumerable<(string, byte[])> FilesOf(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            : [];
}
