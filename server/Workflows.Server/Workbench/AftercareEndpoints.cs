using System.Diagnostics.CodeAnalysis;
using Workflows.Definitions.Model;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Workbench;

/// <summary>
/// After the decision: the 统一出件 window's list (what waits to be handed over, what left lately),
/// the cases a window's rating tablet may ask about (办结, not yet rated), and the 整改 that bad
/// ratings opened. Each reads only the cases the user may see.
/// </summary>
public static class AftercareEndpoints
{
    private const int RecentDays = 7;
    private const int PendingDays = 30;
    /// <summary>A window's list shows at most this many waiting tasks' cases (earliest due first) and says how many wait in all.</summary>
    private const int MaxWaiting = 200;
    private const int MaxDelivered = 500;
    private const int MaxRectifications = 1000;
    private static readonly string[] BadRatings = [nameof(EvaluationLevel.Dissatisfied), nameof(EvaluationLevel.VeryDissatisfied)];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/issuance", Issuance).WithTags("出件 issuance").RequireAuthorization()
            .WithSummary("统一出件：待送达的办件（结果文书、送达方式）与近 7 日已送达记录")
            .Produces<IssuanceList>().ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/evaluations/pending", PendingEvaluations).WithTags("好差评 evaluation").RequireAuthorization()
            .WithSummary("本窗口近 30 日办结、尚未评价的办件（评价器选择办件用）")
            .Produces<PendingEvaluationList>().ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/rectifications", Rectifications).WithTags("好差评 evaluation").RequireAuthorization()
            .WithSummary("差评整改：state = open（默认，待整改）| completed | all，按整改期限排序")
            .Produces<RectificationList>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> Issuance(HttpContext context, CaseService service, ICaseFigures figures, DefinitionCatalog catalog)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.IsAdmin && !user.Is(Roles.Clerk)) return Problems.Denied("统一出件仅限窗口人员和管理员");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var ct = context.RequestAborted;
        var today = CaseViews.Today(service.Clock);
        var issuanceWindows = snapshot.Set.Windows.Where(w => w.Kind == WindowKind.Issuance).Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var warningAt = DeadlineLevels.WarningAt(snapshot.Set.Office?.Clock);
        var waiting = new List<(DateOnly Due, string Number, IssuanceWaitingRow Row)>();
        var delivered = new List<(DateTimeOffset At, IssuanceDeliveredRow Row)>();
        var since = today.AddDays(-RecentDays);
        // The open tasks at the issuance windows (an admin) or at the clerk's own window, from the
        // assignee column: a page of cases, not every open case of the office.
        IReadOnlyList<string> keys = user.IsAdmin ? issuanceWindows.Select(w => "|w:" + w + ":").ToList()
            : user.Window is { } own ? user.Roles.Append("*").Select(r => "|w:" + own + ":" + r + "#").ToList() : [];
        var work = await figures.WorkAsync(new WorkQuery(keys, 0, MaxWaiting), ct);
        foreach (var id in work.Ids)
        {
            if (await service.LoadAsync(id, ct) is not { } loaded) continue;
            var (state, stored) = loaded;
            var item = snapshot.Set.Item(state.ItemId);
            foreach (var task in state.ActiveTasks)
            {
                var window = task.Assignee.Window;
                var ours = user.IsAdmin ? window is not null && issuanceWindows.Contains(window)
                    : window is not null && window == user.Window && task.Signers.Any(s => CaseAccess.ActorFor(user, task).Fits(s.Assignee));
                if (!ours) continue;
                var level = DeadlineLevels.OfTask(state, task, snapshot.Calendar, warningAt, today);
                var row = new IssuanceWaitingRow(Common(state, stored, item))
                {
                    TaskId = task.Id,
                    StepName = task.StepName,
                    Window = window,
                    ClaimedBy = task.ClaimedBy,
                    Due = task.Due?.ToString("yyyy-MM-dd"),
                    DueProvisional = task.DueProvisional,
                    RemainingWorkingDays = task.Due is { } d ? snapshot.Calendar.WorkingDaysBetween(today, d) : null,
                    Level = level,
                    LevelLabel = level.Label(),
                    Decision = state.Decision,
                    ResultName = item?.Guide?.Result?.Name,
                    ResultTemplate = item?.Guide?.Result?.Template,
                    DeliveryMethods = (item?.Guide?.Result?.Delivery ?? [Delivery.Window]).ToList(),
                    Documents = Documents(state, item?.Guide?.Result?.Template),
                };
                waiting.Add((task.Due ?? DateOnly.MaxValue, stored.Number.Text, row));
            }
        }
        // Delivered this week: a delivery closes the case, so the cases closed since then hold them.
        foreach (var id in await figures.ClosedSinceAsync(new ClosedQuery(since, AftercareParty(user), Take: MaxDelivered), ct))
        {
            if (await service.LoadAsync(id, ct) is not { } loaded) continue;
            var (state, stored) = loaded;
            if (state.Delivery is not { } delivery || CaseFigureIndex.Day(delivery.At) < since) continue;
            if (!user.IsAdmin && !state.Tasks.Any(t => t.Assignee.Window == user.Window)) continue;
            var item = snapshot.Set.Item(state.ItemId);
            var row = new IssuanceDeliveredRow(Common(state, stored, item))
            {
                Method = delivery.Method,
                TrackingNumber = delivery.TrackingNumber,
                Recipient = delivery.Recipient,
                By = delivery.By,
                At = delivery.At,
                Evaluated = state.Evaluation is not null,
                Documents = Documents(state, item?.Guide?.Result?.Template),
            };
            delivered.Add((delivery.At, row));
        }
        return TypedResults.Json(new IssuanceList(
            today.ToString("yyyy-MM-dd"),
            work.Total,
            waiting.OrderBy(w => w.Due).ThenBy(w => w.Number, StringComparer.Ordinal).Select(w => w.Row).ToList(),
            delivered.OrderByDescending(d => d.At).Select(d => d.Row).ToList()), CaseViews.Json);
    }

    private static async Task<IResult> PendingEvaluations(HttpContext context, CaseService service, ICaseFigures figures, DefinitionCatalog catalog)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.IsAdmin && !user.Is(Roles.Clerk)) return Problems.Denied("评价器仅限窗口人员和管理员使用");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var today = CaseViews.Today(service.Clock);
        var rows = new List<(DateTimeOffset At, PendingEvaluationRow Row)>();
        var query = new ClosedQuery(today.AddDays(-PendingDays), AftercareParty(user), UnratedOnly: true, ExceptStatus: nameof(CaseStatus.Withdrawn), Take: 50);
        foreach (var id in await figures.ClosedSinceAsync(query, context.RequestAborted))
        {
            if (await service.LoadAsync(id, context.RequestAborted) is not { } loaded) continue;
            var (state, stored) = loaded;
            if (state.Evaluation is not null || state.ClosedAt is not { } closed || state.Status == CaseStatus.Withdrawn) continue;
            var row = new PendingEvaluationRow(Common(state, stored, snapshot.Set.Item(state.ItemId)))
            {
                ClosedAt = closed,
                Delivery = state.Delivery?.Method,
            };
            rows.Add((closed, row));
        }
        return TypedResults.Json(new PendingEvaluationList(today.ToString("yyyy-MM-dd"), rows.OrderByDescending(r => r.At).Select(r => r.Row).ToList()), CaseViews.Json);
    }

    private static async Task<IResult> Rectifications(HttpContext context, CaseService service, ICaseFigures figures, DefinitionCatalog catalog, string? state)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.SeesAllCases && !user.Is(Roles.Head)) return Problems.Denied("差评整改仅限监督人员、部门负责人和管理员");
        state ??= "open";
        if (state is not ("open" or "completed" or "all")) return Problems.Invalid("state 应为 open、completed 或 all");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var today = CaseViews.Today(service.Clock);
        var rows = new List<RectificationRow>();
        foreach (var id in await figures.RatedAsync(BadRatings, AftercareParty(user), MaxRectifications, context.RequestAborted))
        {
            if (await service.LoadAsync(id, context.RequestAborted) is not { } loaded) continue;
            var (c, stored) = loaded;
            if (c.Rectification is not { } rectification) continue;
            if (state == "open" && !rectification.IsOpen || state == "completed" && rectification.IsOpen) continue;
            rows.Add(Rectification(c, stored, snapshot, today, user));
        }
        return TypedResults.Json(new RectificationList(today.ToString("yyyy-MM-dd"), state, InListOrder(rows)), CaseViews.Json);
    }

    /// <summary>The party filter: a head sees its department's cases, supervisors and admins all, a clerk its window's.</summary>
    private static string? AftercareParty(CurrentUser user) => WorkEndpoints.SupervisionParty(user);

    /// <summary>One 整改 as the lists show it: the rating, its deadline, and where it stands (open, overdue, completed).</summary>
    internal static RectificationRow Rectification(CaseState c, StoredCase stored, DefinitionSnapshot snapshot, DateOnly today, CurrentUser user)
    {
        var r = c.Rectification!;
        var item = snapshot.Set.Item(c.ItemId);
        var department = item?.Guide?.Department is { } d ? snapshot.Set.Department(d) : null;
        return new RectificationRow(Common(c, stored, item))
        {
            Department = item?.Guide?.Department,
            DepartmentName = department?.Name,
            DepartmentShortName = department?.ShortName ?? department?.Name,
            Level = c.Evaluation?.Level,
            LevelLabel = c.Evaluation is { } e2 ? Evaluation.Label(e2.Level) : null,
            Comment = c.Evaluation?.Comment,
            RatedAt = c.Evaluation?.At,
            OpenedOn = r.OpenedOn.ToString("yyyy-MM-dd"),
            Due = r.Due.ToString("yyyy-MM-dd"),
            RemainingWorkingDays = r.IsOpen ? snapshot.Calendar.WorkingDaysBetween(today, r.Due) : null,
            Status = !r.IsOpen ? RectificationStatus.Completed : today > r.Due ? RectificationStatus.Overdue : RectificationStatus.Open,
            Measures = r.Measures,
            By = r.By,
            CompletedAt = r.CompletedAt,
            OnTime = r.CompletedAt is { } done ? CaseFigureIndex.Day(done) <= r.Due : null,
            MayRectify = r.IsOpen && Security.CaseCommandPolicy.Allows(user, CommandGate.Rectify, c, stored.Snapshot.Index.Parties, Security.CaseCommandPolicy.ItemSeats.Of(item)),
        };
    }

    /// <summary>Open and overdue 整改 first, then completed, each by due date: the order every list shows.</summary>
    internal static List<RectificationRow> InListOrder(IEnumerable<RectificationRow> rows) =>
        rows.OrderBy(r => r.Status == RectificationStatus.Completed).ThenBy(r => r.Due, StringComparer.Ordinal).ToList();

    private static AftercareCase Common(CaseState state, StoredCase stored, ItemDefinition? item) => new()
    {
        CaseId = stored.Id.ToString("D"),
        Number = stored.Number.Text,
        Version = stored.Version,
        ItemId = state.ItemId,
        ItemName = item?.Guide?.Name,
        ApplicantName = state.Applicant.Name,
        ApplicantPhone = state.Applicant.Phone,
        Status = state.Status,
        StatusLabel = state.Status.Label(),
    };

    /// <summary>The case's documents, newest first; <c>result</c> marks the one the guide names as the result (the one to print).</summary>
    private static List<AftercareDocument> Documents(CaseState state, string? resultTemplate)
    {
        var list = state.Documents.Reverse().ToList();
        var result = list.FirstOrDefault(d => d.TemplateId == resultTemplate)
            ?? list.FirstOrDefault(d => d.TemplateId.StartsWith("certificates/", StringComparison.Ordinal));
        return list.Select(d => new AftercareDocument(d.TemplateId, d.DocumentId, d.StepId, d.At,
            d.TemplateId.StartsWith("certificates/", StringComparison.Ordinal), ReferenceEquals(d, result))).ToList();
    }
}

/// <summary>What every after-the-decision row shows of its case (written with CaseViews.Json: enums as kebab-case text).</summary>
public record AftercareRow
{
    public required string CaseId { get; init; }
    public required string Number { get; init; }
    public required long Version { get; init; }
    public required string ItemId { get; init; }
    public required string? ItemName { get; init; }
    public required string ApplicantName { get; init; }
    public required string? ApplicantPhone { get; init; }
    /// <summary>The case's status in words.</summary>
    public required string StatusLabel { get; init; }
}

/// <summary>A row of the case itself: with the case's status as a key (a 整改's row has its own status instead).</summary>
public record AftercareCase : AftercareRow
{
    public required CaseStatus Status { get; init; }
}

/// <param name="Certificate">A certificate (证照) rather than a notice.</param>
/// <param name="Result">The one the guide names as the result: the one to print.</param>
public sealed record AftercareDocument(string TemplateId, string DocumentId, string? StepId, DateTimeOffset At, bool Certificate, bool Result);

/// <summary>统一出件: the tasks waiting at the issuance window (earliest due first, at most 200 of <c>WaitingTotal</c>) and this week's deliveries.</summary>
public sealed record IssuanceList(string Today, int WaitingTotal, IReadOnlyList<IssuanceWaitingRow> Waiting, IReadOnlyList<IssuanceDeliveredRow> Delivered);

/// <summary>A task waiting at the issuance window. (Rows copy their case's fields: the constructor sets the base's members.)</summary>
public sealed record IssuanceWaitingRow : AftercareCase
{
    [SetsRequiredMembers] public IssuanceWaitingRow(AftercareCase common) : base(common) { }
    public required string TaskId { get; init; }
    public required string? StepName { get; init; }
    public required string? Window { get; init; }
    public required string? ClaimedBy { get; init; }
    public required string? Due { get; init; }
    public required bool DueProvisional { get; init; }
    public required int? RemainingWorkingDays { get; init; }
    public required DeadlineLevel Level { get; init; }
    public required string LevelLabel { get; init; }
    public required CaseDecision? Decision { get; init; }
    public required string? ResultName { get; init; }
    public required string? ResultTemplate { get; init; }
    public required IReadOnlyList<Delivery> DeliveryMethods { get; init; }
    public required IReadOnlyList<AftercareDocument> Documents { get; init; }
}

/// <summary>A result handed over this week (a delivery closes the case).</summary>
public sealed record IssuanceDeliveredRow : AftercareCase
{
    [SetsRequiredMembers] public IssuanceDeliveredRow(AftercareCase common) : base(common) { }
    public required Delivery Method { get; init; }
    public required string? TrackingNumber { get; init; }
    public required string? Recipient { get; init; }
    public required string By { get; init; }
    public required DateTimeOffset At { get; init; }
    public required bool Evaluated { get; init; }
    public required IReadOnlyList<AftercareDocument> Documents { get; init; }
}

public sealed record PendingEvaluationList(string Today, IReadOnlyList<PendingEvaluationRow> Cases);

/// <summary>A case closed at the window in the last 30 days and not rated yet.</summary>
public sealed record PendingEvaluationRow : AftercareCase
{
    [SetsRequiredMembers] public PendingEvaluationRow(AftercareCase common) : base(common) { }
    public required DateTimeOffset ClosedAt { get; init; }
    public required Delivery? Delivery { get; init; }
}

/// <param name="State">open, completed or all: the filter asked for.</param>
public sealed record RectificationList(string Today, string State, IReadOnlyList<RectificationRow> Rectifications);

/// <summary>
/// One 整改 as the lists show it: the rating, its deadline, and where it stands. Its <c>status</c> is the
/// 整改's (the case is closed); <c>statusLabel</c> is still the case's.
/// </summary>
public sealed record RectificationRow : AftercareRow
{
    /// <summary>The case's fields from <paramref name="common"/> (the copy constructor sets the base's members; its case status is not taken).</summary>
    [SetsRequiredMembers] public RectificationRow(AftercareRow common) : base(common) { }
    public required string? Department { get; init; }
    public required string? DepartmentName { get; init; }
    public required string? DepartmentShortName { get; init; }
    /// <summary>The rating (dissatisfied, very-dissatisfied).</summary>
    public required EvaluationLevel? Level { get; init; }
    public required string? LevelLabel { get; init; }
    public required string? Comment { get; init; }
    public required DateTimeOffset? RatedAt { get; init; }
    public required string OpenedOn { get; init; }
    public required string Due { get; init; }
    public required int? RemainingWorkingDays { get; init; }
    public required RectificationStatus Status { get; init; }
    public required string? Measures { get; init; }
    public required string? By { get; init; }
    public required DateTimeOffset? CompletedAt { get; init; }
    public required bool? OnTime { get; init; }
    public required bool MayRectify { get; init; }
}

/// <summary>Where a 整改 stands: open, past its due date, or completed.</summary>
public enum RectificationStatus
{
    Open,
    Overdue,
    Completed,
}
