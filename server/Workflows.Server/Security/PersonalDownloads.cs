using System.Collections.Concurrent;
using Workflows.Storage;

namespace Workflows.Server.Security;

/// <summary>
/// A case's files and rendered documents carry personal data (ID numbers, addresses, the ID card's
/// photo, scans): who fetched which file of which case, and when, is a security event. Not every
/// fetch, though: the case page shows the applicant's photo at every visit, and a PDF viewer asks
/// again when reopened, so one entry per session, case and file within an hour (<see cref="Window"/>)
/// says the same without burying the log. A new sign-in is always recorded (another PC, another
/// address); a long session is recorded again each hour, so the log still tells to the hour when a
/// person's data was looked at. Answers stay <c>no-store</c> (<see cref="SecurityHeaders"/>): the
/// browser keeps the photo in memory for the page instead (designer/src/workbench/cases/IdPhoto.tsx).
/// </summary>
public sealed class PersonalDownloads(SecuritySettings settings)
{
    /// <summary>How long a fetch of the same file in the same session counts as the same look.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Past this many remembered looks, the ones older than the window are forgotten (a node serves one office).</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _recorded = new(StringComparer.Ordinal);

    /// <summary>Records the fetch unless the same session fetched the same file of the case within the window.</summary>
    public static Task LogAsync(HttpContext context, StoredCase stored, string what, string file)
    {
        // A PDF viewer fetches one file in many ranges: the first range (or the whole file) is the download.
        var range = context.Request.Headers.Range.ToString();
        if (range.Length > 0 && !range.StartsWith("bytes=0-", StringComparison.Ordinal)) return Task.CompletedTask;
        var session = Sessions.IdOf(context.User) ?? "no-session:" + context.User.Identity?.Name;
        if (!context.RequestServices.GetRequiredService<PersonalDownloads>().IsNewLook(session, stored.Id, file)) return Task.CompletedTask;
        return context.RequestServices.GetRequiredService<SecurityLog>().WriteAsync(context, SecurityLog.PersonalDocumentDownloaded,
            $"{stored.Number.Text} · {what}", stored.Id.ToString("D"));
    }

    /// <summary>True for the first fetch of <paramref name="file"/> of the case in <paramref name="session"/>, and again once <see cref="Window"/> has passed.</summary>
    public bool IsNewLook(string session, Guid caseId, string file)
    {
        var now = settings.Time.GetUtcNow();
        var key = $"{session}\u001f{caseId:N}\u001f{file}";
        var isNew = false;
        _recorded.AddOrUpdate(key,
            _ => { isNew = true; return now; },
            (_, last) => { isNew = now - last >= Window; return isNew ? now : last; });
        if (isNew && _recorded.Count > PruneAbove)
            foreach (var (k, at) in _recorded)
                if (now - at >= Window) _recorded.TryRemove(k, out _);
        return isNew;
    }
}
