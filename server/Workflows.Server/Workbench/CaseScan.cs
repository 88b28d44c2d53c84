using System.Runtime.CompilerServices;
using Workflows.Engine.State;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Storage;

namespace Workflows.Server.Workbench;

/// <summary>
/// Reads the cases a user may see, newest first, for the after-care screens (统一出件, 好差评, 整改,
/// 效能统计). A county office has thousands of cases a year, not millions; the scan stops at
/// <see cref="MaxCases"/> and says so, and the index lets it skip cases without loading them.
/// </summary>
internal static class CaseScan
{
    public const int MaxCases = 20_000;

    /// <summary>The party filter: a head sees its department's cases, supervisors and admins all, a clerk its window's.</summary>
    public static string? PartyOf(CurrentUser user) =>
        user.Is(Roles.Head) && !user.SeesAllCases ? user.Department : CaseAccess.PartyOf(user);

    public sealed class Progress
    {
        public bool Truncated { get; set; }
    }

    public static async IAsyncEnumerable<(CaseState State, StoredCase Stored)> CasesAsync(
        CurrentUser user, CaseService service, ICaseStore store, bool openOnly, Func<CaseSummary, bool>? wanted = null,
        Progress? progress = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var party = PartyOf(user);
        var seen = 0;
        for (var skip = 0; ; skip += 200)
        {
            var page = await store.SearchAsync(new CaseQuery { OpenOnly = openOnly, Party = party, Skip = skip, Take = 200 }, ct);
            foreach (var summary in page.Items)
            {
                if (++seen > MaxCases)
                {
                    if (progress is not null) progress.Truncated = true;
                    yield break;
                }
                if (wanted is not null && !wanted(summary)) continue;
                if (await service.LoadAsync(summary.Id, ct) is { } loaded) yield return loaded;
            }
            if (!page.HasMore) yield break;
        }
    }

    /// <summary>The China-time (UTC+8) calendar day of an instant.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
