using System.Diagnostics;
using System.Text;
using Workflows.Server.Hosting;

namespace Workflows.Server.Designer;

/// <summary>
/// The county's definitions repository as the designer uses it, through the <c>git</c> command line:
/// the work tree (<c>data/county</c>) holds what editors saved; HEAD is the last published version;
/// a second, detached work tree of the same repository (<c>data/published</c>) holds HEAD's files,
/// and that is what the server runs. So a save never changes a running server; a publish does.
/// </summary>
public sealed partial class CountyRepository(string root, string publishedRoot)
{
    public const string Definitions = "definitions";
    public const string Templates = "templates";

    /// <summary>The editable work tree (<c>data/county</c>).</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The published checkout the server loads (<c>data/published</c>).</summary>
    public string PublishedRoot { get; } = Path.GetFullPath(publishedRoot);

    public string DefinitionsRoot => Path.Combine(Root, Definitions);
    public string TemplatesRoot => Path.Combine(Root, Templates);

    public static string PublishedFolder(string dataDir) => Path.Combine(dataDir, "published");

    /// <summary>
    /// Creates the published checkout when missing, else moves it to HEAD (a commit made by hand
    /// while the server was down goes live at start). Returns the repository.
    /// </summary>
    public static CountyRepository Open(string dataDir)
    {
        var repo = new CountyRepository(CountyWorkTree.Root(dataDir), PublishedFolder(dataDir));
        repo.SyncPublished();
        return repo;
    }

    /// <summary>Checks HEAD out into the published checkout (creating it the first time).</summary>
    public void SyncPublished()
    {
        var head = Head();
        if (!File.Exists(Path.Combine(PublishedRoot, ".git")))
        {
            if (Directory.Exists(PublishedRoot)) Directory.Delete(PublishedRoot, recursive: true);
            Git("worktree", "prune");
            Git("worktree", "add", "-q", "--detach", PublishedRoot, head);
            return;
        }
        GitIn(PublishedRoot, "checkout", "-q", "--force", "--detach", head);
    }

    public string Head() => Git("rev-parse", "HEAD").Trim();

    /// <summary>Resolves a revision (a commit id, <c>HEAD~1</c>) to a full commit id; null when it is not one.</summary>
    public string? Resolve(string revision)
    {
        if (revision.StartsWith('-')) return null;
        var outcome = Run(Root, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"]);
        return outcome.ExitCode == 0 ? outcome.Output.Trim() : null;
    }

    /// <summary>Paths (relative to the repository) that differ between HEAD and the work tree, including new files.</summary>
    public IReadOnlyList<string> PendingPaths(params string[] under)
    {
        var output = Git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", .. (under.Length == 0 ? [Definitions, Templates] : under)]);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => entry.Length > 3).Select(entry => entry[3..]).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A file's text at a commit; null when the file does not exist there.</summary>
    public string? Show(string commit, string path)
    {
        var outcome = Run(Root, ["show", $"{commit}:{path}"]);
        return outcome.ExitCode == 0 ? outcome.Output : null;
    }

    /// <summary>The raw unified diff (no external driver) between two commits, or a commit and the work tree when <paramref name="to"/> is null.</summary>
    public string RawDiff(string from, string? to, params string[] paths)
    {
        // Untracked files do not show in `git diff`; mark them intent-to-add first so a new item's files appear.
        if (to is null)
        {
            var untracked = Git(["ls-files", "-z", "--others", "--exclude-standard", "--", .. paths]).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            if (untracked.Length > 0) Git(["add", "--intent-to-add", "--", .. untracked]);
        }
        string[] range = to is null ? [from] : [from, to];
        return Git(["diff", "--no-ext-diff", "--no-color", "--no-renames", .. range, "--", .. paths]);
    }

    /// <summary>Paths changed between two commits.</summary>
    public IReadOnlyList<string> ChangedPaths(string from, string to, params string[] paths) =>
        Git(["diff", "--no-ext-diff", "--name-only", "-z", "--no-renames", from, to, "--", .. paths])
            .Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();

    public sealed record Commit(string Id, string ShortId, string Author, string Email, DateTimeOffset Date, string Message);

    /// <summary>The commits touching <paramref name="paths"/>, newest first.</summary>
    public IReadOnlyList<Commit> Log(int max, params string[] paths)
    {
        var output = Git(["log", $"--max-count={max}", "-z", "--format=%H%x1f%h%x1f%an%x1f%ae%x1f%aI%x1f%B", "--", .. paths]);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(entry =>
        {
            var f = entry.Split('\x1f');
            return new Commit(f[0], f[1], f[2], f[3], DateTimeOffset.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), f[5].Trim());
        }).ToList();
    }

    /// <summary>Commits exactly <paramref name="paths"/> (added, changed or deleted) with the given author; returns the new commit id.</summary>
    public string CommitPaths(IReadOnlyList<string> paths, string message, string authorName, string authorEmail)
    {
        Git(["add", "-A", "--", .. paths]);
        Git(["-c", $"user.name={authorName}", "-c", $"user.email={authorEmail}", "commit", "-q", "--no-verify",
            "--author", $"{authorName} <{authorEmail}>", "-m", message, "--", .. paths]);
        return Head();
    }

    /// <summary>Where a change waiting for review is kept: a ref per commit, so git holds it and HEAD does not move.</summary>
    public const string ReviewRefs = "refs/workflows/reviews/";

    /// <summary>
    /// Commits exactly <paramref name="paths"/> on top of HEAD without moving HEAD or touching the work tree's index
    /// (a private index file), and keeps the commit under <see cref="ReviewRefs"/>. Returns the commit id.
    /// </summary>
    public string CommitForReview(IReadOnlyList<string> paths, string message, string authorName, string authorEmail)
    {
        var index = Path.Combine(Path.GetTempPath(), $"workflows-review-{Guid.NewGuid():N}.index");
        try
        {
            var env = new Dictionary<string, string>
            {
                ["GIT_INDEX_FILE"] = index,
                ["GIT_AUTHOR_NAME"] = authorName, ["GIT_AUTHOR_EMAIL"] = authorEmail,
                ["GIT_COMMITTER_NAME"] = authorName, ["GIT_COMMITTER_EMAIL"] = authorEmail,
            };
            var head = Head();
            GitWith(env, "read-tree", head);
            GitWith(env, ["add", "-A", "--", .. paths]);
            var tree = GitWith(env, "write-tree").Trim();
            var commit = GitWith(env, "commit-tree", tree, "-p", head, "-m", message).Trim();
            Git("update-ref", ReviewRefs + commit, commit);
            return commit;
        }
        finally
        {
            File.Delete(index);
        }
    }

    public sealed record Review(Commit Commit, string Parent);

    /// <summary>The changes waiting for review, oldest first.</summary>
    public IReadOnlyList<Review> Reviews()
    {
        var ids = Git("for-each-ref", "--format=%(objectname)", ReviewRefs).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return ids.Select(ReviewOf).OfType<Review>().OrderBy(r => r.Commit.Date).ToList();
    }

    /// <summary>The review kept for <paramref name="commit"/> (a full id), or null.</summary>
    public Review? ReviewOf(string commit)
    {
        if (commit.Length != 40 || !commit.All(Uri.IsHexDigit)) return null;
        if (Run(Root, ["rev-parse", "--verify", "--quiet", ReviewRefs + commit]).ExitCode != 0) return null;
        var (found, parent) = CommitWithParent(commit);
        return new Review(found, parent);
    }

    /// <summary>A commit and its (single) parent.</summary>
    private (Commit Commit, string Parent) CommitWithParent(string commit)
    {
        var f = Git("log", "-1", "-z", "--format=%H%x1f%h%x1f%an%x1f%ae%x1f%aI%x1f%P%x1f%B", commit).TrimEnd('\0').Split('\x1f');
        return (new Commit(f[0], f[1], f[2], f[3], DateTimeOffset.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), f[6].Trim()), f[5].Trim());
    }

    /// <summary>Drops the review ref (the commit itself stays in git until garbage collection).</summary>
    public void DropReview(string commit) => Git("update-ref", "-d", ReviewRefs + commit);

    /// <summary>
    /// Makes <paramref name="commit"/> (a child of HEAD) the new HEAD; the index follows, the work tree is left
    /// as it is, so edits made after the review was asked for stay pending.
    /// </summary>
    public void AdvanceTo(string commit) => Git("reset", "-q", "--mixed", commit);

    /// <summary>Writes the tree of <paramref name="commit"/> (definitions and templates) into <paramref name="target"/>.</summary>
    public void Export(string commit, string target)
    {
        Directory.CreateDirectory(target);
        var tar = Path.Combine(target, ".export.tar");
        var archive = ExternalProcess.Run("git", ["archive", "--format=tar", commit], Root, stdoutTo: tar);
        if (archive.ExitCode != 0) throw new InvalidOperationException("git archive failed: " + archive.Error);
        var extract = ExternalProcess.Run("tar", ["-xf", tar, "-C", target]);
        File.Delete(tar);
        if (extract.ExitCode != 0) throw new InvalidOperationException("tar failed: " + extract.Error);
    }

    private string Git(params string[] args) => GitIn(Root, args);

    private string GitWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var outcome = Run(Root, args, environment);
        if (outcome.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {outcome.Error}");
        return outcome.Output;
    }

    private static string GitIn(string workTree, params string[] args)
    {
        var outcome = Run(workTree, args);
        if (outcome.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {outcome.Error}");
        return outcome.Output;
    }

    private sealed record Outcome(int ExitCode, string Output, string Error);

    // Text output (UTF-8) is needed here, which ExternalProcess (binary, discarded) does not give.
    private static Outcome Run(string workTree, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workTree,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        // Paths with Chinese characters come out as they are, not octal-escaped.
        foreach (var a in new[] { "-c", "core.quotepath=off", "-c", "core.autocrlf=false" }.Concat(args)) info.ArgumentList.Add(a);
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Outcome(process.ExitCode, output, error.Result);
    }
}
