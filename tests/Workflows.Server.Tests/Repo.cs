using System.Diagnostics;
using System.Text;
using Workflows.Definitions.Loading;

namespace Workflows.Server.Tests;

/// <summary>Paths in the repository and a way to run the real <c>workflows</c> command line as a process.</summary>
public static class Repo
{
    public static string Root { get; } = Find();
    public static string Definitions => Path.Combine(Root, "definitions");
    public static string Templates => Path.Combine(Root, "templates");

    // The CLI built in the same configuration as the tests (Release under test.sh).
    private static string CliDll => Path.Combine(Root, "server", "Workflows.Server", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug",
        "net10.0", "Workflows.Server.dll");

    public sealed record CliResult(int ExitCode, string Out, string Error)
    {
        public string All => Out + Error;
    }

    public static CliResult Cli(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(CliDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"workflows {string.Join(' ', args)} did not finish in 60 s");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Git(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=Test", "-c", "user.email=test@localhost" }.Concat(args)) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
        return output;
    }

    private static string Find()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Workflows.sln"))) return dir;
        throw new InvalidOperationException("Workflows.sln not found");
    }

    /// <summary>A temporary folder with a copy of the sample county (definitions/ and templates/), deleted on dispose.</summary>
    public sealed class SampleCounty : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("workflows-server-test-").FullName;
        public string Definitions => Path.Combine(Root, "definitions");

        public SampleCounty()
        {
            FileTree.Copy(Repo.Definitions, Definitions);
            FileTree.Copy(Repo.Templates, Path.Combine(Root, "templates"));
        }

        public string PathOf(string relative) => Path.Combine(Definitions, relative);

        public void Replace(string relative, string from, string to)
        {
            var text = File.ReadAllText(PathOf(relative));
            if (!text.Contains(from)) throw new InvalidOperationException($"'{from}' not in {relative}");
            File.WriteAllText(PathOf(relative), text.Replace(from, to));
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
