using System.CommandLine;
using Workflows.Definitions.Diff;
using Workflows.Server.Hosting;

namespace Workflows.Server.Cli;

/// <summary>
/// <c>workflows diff OLD NEW</c>: the changes between two definition trees in domain words. Each
/// side is a folder or a git revision (read from <c>--path</c> inside the repository).
/// <c>workflows git-diff</c> is the same for one file, in the argument order of git's external
/// diff driver, so <c>git diff</c> can show it (see the README).
/// </summary>
public static class DiffCommand
{
    public static Command Create()
    {
        var before = new Argument<string>("OLD") { Description = "旧版本：目录或 git 版本（如 HEAD~1） (old version: a folder or a git revision)" };
        var after = new Argument<string>("NEW") { Description = "新版本：目录或 git 版本 (new version: a folder or a git revision)", DefaultValueFactory = _ => "definitions" };
        var path = new Option<string>("--path") { Description = "git 版本中定义目录的路径 (path of the definitions inside a git revision)", DefaultValueFactory = _ => "definitions" };
        var command = new Command("diff", "以业务语言比较两个版本的定义 (semantic diff)") { before, after, path };
        command.SetAction(result =>
        {
            using var scratch = new ScratchFolder();
            var oldRoot = Resolve(result.GetValue(before)!, result.GetValue(path)!, scratch, "old");
            var newRoot = Resolve(result.GetValue(after)!, result.GetValue(path)!, scratch, "new");
            if (oldRoot is null || newRoot is null) return CliApp.BadUsage;
            var changes = DefinitionDiff.CompareTrees(oldRoot, newRoot);
            Console.Write(changes.Count == 0 ? "没有业务变化 (no semantic changes)\n" : DefinitionDiff.Format(changes));
            return CliApp.Ok;
        });
        return command;
    }

    public static Command CreateGitDriver()
    {
        var args = new Argument<string[]>("ARGS") { Description = "git 传给外部差异程序的七个参数：path old-file old-hex old-mode new-file new-hex new-mode (the arguments git passes)", Arity = new ArgumentArity(7, 9) };
        var command = new Command("git-diff", "git 外部差异驱动 (git external diff driver)") { args };
        command.Hidden = true;
        command.SetAction(result =>
        {
            var a = result.GetValue(args)!;
            var (relative, oldFile, newFile) = (a[0], a[1], a[4]);
            // Inside git, the path is relative to the repository: match the definitions layout from the "items/" or file name on.
            var rooted = RelativeToDefinitions(relative);
            // git runs the driver at the top of the work tree, so the item's guide is beside the file.
            var definitionsRoot = relative[..^rooted.Length];
            var changes = DefinitionDiff.CompareFile(rooted, oldFile == "/dev/null" ? null : oldFile, newFile == "/dev/null" ? null : newFile,
                id => DefinitionDiff.ItemName(definitionsRoot.Length == 0 ? "." : definitionsRoot, id));
            Console.Write(changes is null ? "" : "workflows diff " + DefinitionDiff.Format([changes with { Path = relative }]));
            return CliApp.Ok;
        });
        return command;
    }

    private static string RelativeToDefinitions(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        for (var i = 0; i < parts.Length; i++)
            if (Definitions.Loading.FileKind.ForPath(string.Join('/', parts[i..])) is not null) return string.Join('/', parts[i..]);
        return path;
    }

    private static string? Resolve(string side, string path, ScratchFolder scratch, string name)
    {
        if (Directory.Exists(side)) return side;
        var target = Path.Combine(scratch.Path, name);
        Directory.CreateDirectory(target);
        var archive = ExternalProcess.Run("git", ["archive", "--format=tar", side, "--", path], stdoutTo: Path.Combine(scratch.Path, name + ".tar"));
        if (archive.ExitCode != 0)
        {
            Console.Error.WriteLine($"'{side}' 既不是目录，也不是包含 {path} 的 git 版本 (neither a folder nor a git revision containing {path})");
            return null;
        }
        ExternalProcess.Run("tar", ["-xf", Path.Combine(scratch.Path, name + ".tar"), "-C", target]);
        return Path.Combine(target, path);
    }

    private sealed class ScratchFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("workflows-diff-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
