using System.Diagnostics;

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
        CopyTree(sampleDefinitions, Path.Combine(root, "definitions"));
        if (Directory.Exists(sampleTemplates)) CopyTree(sampleTemplates, Path.Combine(root, "templates"));
        File.WriteAllText(Path.Combine(root, ".gitattributes"), "definitions/**/*.yaml diff=workflows\n");
        Git(root, "init", "-q", "-b", "main");
        Git(root, "add", "-A");
        Git(root, "-c", "user.name=Workflows", "-c", "user.email=workflows@localhost", "commit", "-q", "-m", "导入示例县定义 (import the sample county)");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    private static void Git(string workTree, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = workTree, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error}");
    }
}
