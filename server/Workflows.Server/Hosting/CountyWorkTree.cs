using Workflows.Definitions.Loading;

namespace Workflows.Server.Hosting;

/// <summary>
/// The county's definitions as a git repository of its own under the data folder
/// (<c>data/county/definitions</c>, <c>data/county/templates</c>). Seeding copies the sample county
/// once and commits it there; nothing is ever committed into the project's source tree.
/// </summary>
public static class CountyWorkTree
{
    public static string Root(string dataDir) => Path.Combine(dataDir, "county");

    public static bool Exists(string dataDir) => Directory.Exists(Path.Combine(Root(dataDir), "definitions"));

    public static void Seed(string dataDir, string sampleDefinitions, string sampleTemplates)
    {
        var root = Root(dataDir);
        FileTree.Copy(sampleDefinitions, Path.Combine(root, "definitions"));
        if (Directory.Exists(sampleTemplates)) FileTree.Copy(sampleTemplates, Path.Combine(root, "templates"));
        File.WriteAllText(Path.Combine(root, ".gitattributes"), "definitions/**/*.yaml diff=workflows\n");
        Git(root, "init", "-q", "-b", "main");
        Git(root, "add", "-A");
        Git(root, "-c", "user.name=Workflows", "-c", "user.email=workflows@localhost", "commit", "-q", "-m", "导入示例县定义 (import the sample county)");
    }

    private static void Git(string workTree, params string[] args)
    {
        var outcome = ExternalProcess.Run("git", args, workTree);
        if (outcome.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {outcome.Error}");
    }
}
