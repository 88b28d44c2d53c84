using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Workflows.Server.Designer;

/// <param name="Kind">rejected (an admin sent it back: 退回) or withdrawn (its author took it back: 撤回).</param>
/// <param name="By">Who decided, by display name.</param>
/// <param name="ByUser">Who decided, by user name (as the security log names them).</param>
/// <param name="Reason">Why; empty when none was given.</param>
public sealed record ReviewDecision(string Kind, string By, string ByUser, DateTimeOffset At, string Reason);

/// <summary>An earlier submission of a change and what became of it.</summary>
/// <param name="Review">The commit that was submitted then.</param>
/// <param name="Author">Its author's display name.</param>
/// <param name="Date">When it was submitted.</param>
public sealed record ReviewRound(string Review, string Message, string Author, DateTimeOffset Date, ReviewDecision Decision);

/// <summary>
/// Changes sent back (退回) or withdrawn (撤回). The commit stays under <see cref="ReturnedRefs"/> so its
/// author sees why until a later submission (or publish) takes up one of its files; the decision (who,
/// when, why) is a git note on the commit, and the later submission's note carries the earlier rounds,
/// so a change's history outlives the commits it replaced. Notes and refs live in the county repository,
/// so a backup of the data folder keeps them.
/// </summary>
public sealed partial class CountyRepository
{
    public const string ReturnedRefs = "refs/workflows/returned/";
    private const string ReviewNotes = "refs/notes/workflows-reviews";
    // Chinese as it is, so `git notes --ref workflows-reviews show <commit>` reads as the reviewer wrote it.
    private static readonly JsonSerializerOptions NoteJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>What the note of a submitted commit holds: its decision once there is one, and the rounds before it.</summary>
    private sealed record ReviewNote(ReviewDecision? Decision, IReadOnlyList<ReviewRound> Earlier);

    /// <param name="Paths">The files the change touches.</param>
    public sealed record ReturnedChange(Commit Commit, string Parent, ReviewDecision Decision, IReadOnlyList<ReviewRound> Earlier, IReadOnlyList<string> Paths)
    {
        /// <summary>This change as a round in the history of the submission that takes it up.</summary>
        public ReviewRound AsRound() => new(Commit.Id, Commit.Message, Commit.Author, Commit.Date, Decision);
    }

    /// <summary>Moves a pending change to the returned ones, with the decision noted on its commit.</summary>
    public void Return(string commit, ReviewDecision decision)
    {
        WriteNote(commit, NoteOf(commit) with { Decision = decision });
        Git("update-ref", ReturnedRefs + commit, commit);
        DropReview(commit);
    }

    /// <summary>The changes sent back or withdrawn and not taken up again, oldest decision first.</summary>
    public IReadOnlyList<ReturnedChange> Returned()
    {
        var ids = Git("for-each-ref", "--format=%(objectname)", ReturnedRefs).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return ids.Select(id =>
        {
            var (commit, parent) = CommitWithParent(id);
            var note = NoteOf(id);
            // A ref without a decision is not written by Return; read it as withdrawn rather than fail the list.
            var decision = note.Decision ?? new ReviewDecision("withdrawn", commit.Author, AuthorUser(commit), commit.Date, "");
            return new ReturnedChange(commit, parent, decision, note.Earlier, ChangedPaths(parent, id));
        }).OrderBy(r => r.Decision.At).ToList();
    }

    /// <summary>The earlier rounds of a submitted commit (empty for a first submission).</summary>
    public IReadOnlyList<ReviewRound> EarlierRounds(string commit) => NoteOf(commit).Earlier;

    /// <summary>The returned changes a new submission of <paramref name="paths"/> revises: those touching one of its files.</summary>
    public IReadOnlyList<ReturnedChange> ReturnedTouching(IReadOnlyList<string> paths) =>
        Returned().Where(r => r.Paths.Any(paths.Contains)).ToList();

    /// <summary>
    /// <paramref name="commit"/> (a new submission or a publish) revises <paramref name="returned"/>: their rounds,
    /// and the rounds before them, become its history, oldest first, and they are returned no longer.
    /// </summary>
    public void TakeUp(string commit, IReadOnlyList<ReturnedChange> returned)
    {
        if (returned.Count == 0) return;
        var earlier = returned.SelectMany(r => r.Earlier.Append(r.AsRound())).DistinctBy(r => r.Review).OrderBy(r => r.Decision.At).ToList();
        WriteNote(commit, NoteOf(commit) with { Earlier = earlier });
        foreach (var r in returned) Git("update-ref", "-d", ReturnedRefs + r.Commit.Id);
    }

    private ReviewNote NoteOf(string commit)
    {
        var outcome = Run(Root, ["notes", "--ref", ReviewNotes, "show", commit]);
        return outcome.ExitCode == 0 && JsonSerializer.Deserialize<ReviewNote>(outcome.Output, NoteJson) is { } note
            ? note with { Earlier = note.Earlier ?? [] }
            : new ReviewNote(null, []);
    }

    private void WriteNote(string commit, ReviewNote note)
    {
        // Notes are commits of their own: the server records them, the decider is named inside.
        var env = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "Workflows", ["GIT_AUTHOR_EMAIL"] = "server@workflows.local",
            ["GIT_COMMITTER_NAME"] = "Workflows", ["GIT_COMMITTER_EMAIL"] = "server@workflows.local",
        };
        GitWith(env, "notes", "--ref", ReviewNotes, "add", "-f", "-m", JsonSerializer.Serialize(note, NoteJson), commit);
    }

    /// <summary>The user name a commit's author e-mail stands for (<c>user@workflows.local</c>).</summary>
    public static string AuthorUser(Commit commit) =>
        commit.Email.EndsWith("@workflows.local", StringComparison.Ordinal) ? commit.Email[..^"@workflows.local".Length] : commit.Email;
}
