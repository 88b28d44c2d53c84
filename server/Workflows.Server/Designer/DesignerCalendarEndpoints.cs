using Workflows.Definitions.Json;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Model;
using Workflows.Definitions.Validation;
using Workflows.Server.Api;
using Workflows.Server.Hosting;

namespace Workflows.Server.Designer;

/// <summary>
/// 工作日历 in the designer: the years of <c>definitions/calendars/</c> (published or still a draft),
/// one year's schedule with its ETag, validating a draft and saving it (administrators) with the
/// same rules as <c>workflows validate</c> (<see cref="CalendarRules.CheckDraft"/>). A saved year is
/// published like any definition file, through <c>POST /api/designer/publish</c> (its <c>files</c>
/// may name just the calendar); publishing a year makes its provisional dates firm (CalendarRecompute).
/// </summary>
public static class DesignerCalendarEndpoints
{
    public static void Map(RouteGroupBuilder designer)
    {
        designer.MapGet("/calendars", List).WithSummary("工作日历：各年份、是否已发布、是否有待发布的修改 (calendar years)")
            .Produces<CalendarYears>().DesignerProblems();
        designer.MapGet("/calendars/{year}", Get).WithSummary("一年的节假日安排：模型、原文、ETag (one year's schedule)")
            .Produces<DesignerFileView>().DesignerProblems();
        designer.MapPut("/calendars/{year}", Save).WithSummary("保存一年的节假日安排（管理员，If-Match；新年份不带 If-Match）；校验不通过时 422 并给出位置 (save a year)")
            .Accepts<DesignerDraft>("application/json").Produces<CalendarSaved>().Produces<CalendarSaved>(StatusCodes.Status201Created).DesignerProblems()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        designer.MapPost("/calendars/{year}/validate", Validate).WithSummary("校验一年的节假日安排草稿，不保存 (validate a draft year)")
            .Accepts<DesignerDraft>("application/json").Produces<DesignerValidation>().DesignerProblems();
    }

    /// <summary>The years a schedule may be written for: today's year give or take a generous span.</summary>
    private static bool IsYear(int year) => year is >= 2000 and <= 2100;

    public static string PathOf(int year) => $"{CountyRepository.Definitions}/calendars/{year}.yaml";

    private static IResult NoYear(int year) =>
        Problems.Of(404, Problems.NotFound, "没有该年份的工作日历 (no calendar for that year)", $"{PathOf(year)} 不存在，可新建");

    private static IResult List(HttpContext context, DefinitionCatalog catalog)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        var folder = Path.Combine(workspace!.DefinitionsRoot, "calendars");
        var inTree = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).Select(n => int.TryParse(n, out var y) ? y : 0).Where(IsYear)
            : [];
        var pending = workspace.Repository.PendingPaths($"{CountyRepository.Definitions}/calendars").ToHashSet(StringComparer.Ordinal);
        var published = catalog.Current?.Calendar.Years ?? [];
        var today = DefinitionPipeline.Today();
        var years = inTree.Union(published).Order().Select(year =>
        {
            var model = workspace.Read(PathOf(year))?.Model as CalendarFile;
            return new CalendarYear(year, PathOf(year), model?.Source, model?.Holidays.Count ?? 0, model?.MakeUpWorkdays.Count ?? 0,
                Published: published.Contains(year), Pending: pending.Contains(PathOf(year)),
                Deleted: model is null && !File.Exists(workspace.FullPath(PathOf(year))));
        }).ToList();
        return DesignerEndpoints.Json(new CalendarYears(today, years,
            // The year after the last published one is counted from the statutory holidays alone (provisional).
            NextMissing: published.Contains(today.Year + 1) ? null : today.Year + 1,
            Editable: DesignerAccess.MayManageCatalog(user!)));
    }

    private static IResult Get(HttpContext context, int year)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        if (!IsYear(year) || workspace!.Read(PathOf(year)) is not { } file) return NoYear(year);
        context.Response.Headers.ETag = file.ETag;
        return DesignerEndpoints.Json(DesignerEndpoints.View(file, DesignerAccess.MayManageCatalog(user!)));
    }

    /// <summary>The draft's text (canonical when it reads) and its diagnostics, located in the year's file.</summary>
    private static (string? Text, string? Canonical, IReadOnlyList<DesignerDiagnostic> Diagnostics, IResult? Problem) Check(DesignerWorkspace workspace, int year, System.Text.Json.Nodes.JsonObject body)
    {
        var draft = DesignerWorkspace.TextOf(FileKind.Calendar, body);
        if (draft.Error is not null) return (null, null, [], Problems.Invalid(draft.Error));
        var path = PathOf(year);
        var (calendar, bag) = CalendarRules.CheckDraft(workspace.FullPath(path), draft.Text!, DefinitionPipeline.Today());
        var lines = draft.Text!.Split('\n');
        var diagnostics = DesignerWorkspace.Relative(workspace.Repository.Root, bag.Sorted()).Select(d => Anchored(d, lines)).ToList();
        return (draft.Text, calendar is null ? null : DefinitionFile.Format(calendar), diagnostics, null);
    }

    /// <summary>
    /// The row a diagnostic falls in, so the screen marks it: <c>holiday</c> or <c>make-up-workday</c>
    /// with the entry's index (0-based) under <c>holidays:</c> or <c>make-up-workdays:</c>.
    /// </summary>
    public static DesignerDiagnostic Anchored(DesignerDiagnostic diagnostic, string[] lines)
    {
        static bool IsEntry(string line) => line.TrimStart().StartsWith("- ", StringComparison.Ordinal);
        static bool IsTopKey(string line) => line.Length > 0 && line[0] is not (' ' or '-' or '#');
        var at = Math.Min(diagnostic.Line, lines.Length) - 1;
        while (at >= 0 && !IsEntry(lines[at]) && !IsTopKey(lines[at])) at--;
        if (at < 0 || !IsEntry(lines[at])) return diagnostic;
        var index = 0;
        var top = at - 1;
        for (; top >= 0 && !IsTopKey(lines[top]); top--)
            if (IsEntry(lines[top])) index++;
        var element = top < 0 ? null : lines[top].TrimEnd() switch
        {
            "holidays:" => "holiday",
            "make-up-workdays:" => "make-up-workday",
            _ => null,
        };
        return element is null ? diagnostic : diagnostic with { Element = element, ElementId = index.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    private static async Task<IResult> Validate(HttpContext context, int year)
    {
        var (_, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        if (!IsYear(year)) return NoYear(year);
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var (_, canonical, diagnostics, invalid) = Check(workspace!, year, body!);
        if (invalid is not null) return invalid;
        return DesignerEndpoints.Json(new DesignerValidation(!diagnostics.Any(d => d.IsError), PathOf(year), canonical, diagnostics));
    }

    private static async Task<IResult> Save(HttpContext context, int year)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        if (!DesignerAccess.MayManageCatalog(user!)) return Problems.Denied("只有管理员可以修改工作日历 (only admins edit calendars)");
        if (!IsYear(year)) return NoYear(year);
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var (_, canonical, diagnostics, invalid) = Check(workspace!, year, body!);
        if (invalid is not null) return invalid;
        if (canonical is null || diagnostics.Any(d => d.IsError))
            return DesignerEndpoints.Invalid(diagnostics, "节假日安排有错误，未保存 (the schedule has errors; not saved)");
        var path = PathOf(year);
        await workspace!.Gate.WaitAsync(context.RequestAborted);
        try
        {
            var current = workspace.Read(path);
            var ifMatch = context.Request.Headers.IfMatch.ToString();
            if (current is not null && ifMatch.Length == 0)
                return Problems.Of(428, Problems.PreconditionRequired, "保存需要 If-Match (If-Match required)", "请带上读取该年份时得到的 ETag，以免覆盖他人的修改");
            if (current is not null && ifMatch != "*" && ifMatch != current.ETag) return DesignerEndpoints.Conflict(current, true);
            if (current?.Text != canonical) workspace.Write(path, canonical);
            var saved = workspace.Read(path)!;
            context.Response.Headers.ETag = saved.ETag;
            return DesignerEndpoints.Json(new CalendarSaved(path, saved.ETag, saved.Text, ItemEndpoints.Model(saved.Model), true,
                Changed: current?.Text != canonical, Created: current is null, diagnostics), current is null ? 201 : 200);
        }
        finally
        {
            workspace.Gate.Release();
        }
    }
}

/// <param name="NextMissing">Next year, while its schedule is not published (dates into it are provisional).</param>
/// <param name="Editable">Whether the caller may save (administrators).</param>
[DefinitionShaped]
public sealed record CalendarYears(DateOnly Today, IReadOnlyList<CalendarYear> Years, int? NextMissing, bool Editable);

/// <param name="Pending">Changed in the work tree since the last publish.</param>
/// <param name="Deleted">Published, but its file was removed from the work tree.</param>
[DefinitionShaped]
public sealed record CalendarYear(int Year, string Path, string? Source, int Holidays, int MakeUpWorkdays, bool Published, bool Pending, bool Deleted);

/// <param name="Created">A new year (201), not an edit of one.</param>
[DefinitionShaped]
public sealed record CalendarSaved(string Path, string Etag, string Text, System.Text.Json.Nodes.JsonNode? Model, bool Editable, bool Changed, bool Created,
    IReadOnlyList<DesignerDiagnostic> Diagnostics);
