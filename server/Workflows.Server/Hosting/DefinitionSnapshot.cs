using System.Security.Cryptography;
using System.Text;
using Workflows.Definitions.Model;
using Workflows.Domain;

namespace Workflows.Server.Hosting;

/// <summary>One validated, immutable version of the definitions, identified by the hash of its files.</summary>
public sealed record DefinitionSnapshot(DefinitionSet Set, string Version, DateTimeOffset LoadedAt, WorkingCalendar Calendar)
{
    /// <summary>SHA-256 over every definition and template file (path and bytes, in path order): equal content, equal version.</summary>
    public static string HashOf(string definitionsRoot, string templatesRoot)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (root, pattern) in new[] { (definitionsRoot, "*.yaml"), (templatesRoot, "*.hbs") })
        {
            if (!Directory.Exists(root)) continue;
            foreach (var file in Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
                         .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
            {
                sha.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
                sha.AppendData(File.ReadAllBytes(Path.Combine(root, file)));
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
