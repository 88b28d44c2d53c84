using System.Globalization;
using Workflows.Domain;
using Workflows.Engine.Commands;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;
using Workflows.Definitions.Model;

namespace Workflows.Server.Api;

/// <summary>
/// 办件: create (收件, the applicant's 告知承诺 and the acceptance decision in one call), read, search, timeline, and every
/// command. POSTs take an <c>Idempotency-Key</c> header (a retry gets the first answer) and an
/// optional <c>If-Match</c> with the version the caller decided on (a stale one gets 409).
/// </summary>
public static class CaseEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void Map(IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("办件 cases").RequireAuthorization().AddEndpointFilter(ConditionFailures);
        cases.MapPost("/", Create).WithSummary("收件并决定是否受理 (receive and decide acceptance)")
            .Accepts<CreateCaseRequest>("application/json")
            .Produces<CaseView>(StatusCodes.Status201Created).Produces<CaseView>().CaseProblems();
        cases.MapGet("/", Search).WithSummary("查询办件：编号、申请人、状态、部门、到期日；procedureOverrun=true 只列特别程序超过告知期限的在办办件 (search)")
            .Produces<CaseSearchPage>().ProducesProblem(StatusCodes.Status400BadRequest);
        cases.MapGet("/{id:guid}", Get).WithSummary("办件详情 (one case; ETag = version)")
            .Produces<CaseView>().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/{id:guid}/timeline", Timeline).WithSummary("办件时间线：全部事件 (the case's events)")
            .Produces<CaseTimeline>().ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var command in CaseCommands.All)
        {
            cases.MapPost("/{id:guid}/" + command.Name, (Guid id, HttpContext context, CaseService service, DefinitionCatalog catalog) =>
                Execute(id, command, context, service, catalog)).WithSummary($"{command.Summary} ({command.Name})")
                .Accepts(CaseRequests.ByCommand[command.Name], "application/json").Produces<CaseView>().CaseProblems();
        }
    }

    /// <summary>
    /// A condition of the definition that fails at run time is the definition's mistake, not the
    /// caller's: 422 naming the item, version and expression (logged for the editor), never a 500.
    /// Nothing was stored: the engine threw inside the command.
    /// </summary>
    private static async ValueTask<object?> ConditionFailures(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Workflows.Scripting.ScriptConditionException e)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Workflows.Conditions")
                .LogError(e, "事项 {Item}（版本 {Version}）的条件运行出错 (a condition failed): {Expression}", e.ItemId, e.DefinitionVersion, e.Expression);
            return Problems.Of(422, e.Code, "事项定义中的条件运行出错，请联系事项编辑人员修正 (a condition of the definition failed)", e.Message,
                new Dictionary<string, object?> { ["item"] = e.ItemId, ["version"] = e.DefinitionVersion, ["expression"] = e.Expression, ["scriptCode"] = e.Cause.Code });
        }
    }

    private static async Task<IResult> Create(HttpContext context, CaseService service, DefinitionCatalog catalog, SharedMaterials sharing)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var args = new JsonArgs(body!);
        var itemId = args.Required("itemId");
        var applicant = ApplicantOf(args);
        var materials = MaterialsOf(args);
        var form = args.Object("form") ?? new System.Text.Json.Nodes.JsonObject();
        var key = context.Request.Headers[IdempotencyHeader].ToString();
        // Without an id in the body, a retried request must still name the same case: derive it from the key.
        var id = args.String("id") is { } text ? (Guid.TryParse(text, out var g) ? g : Invalid(args, "id 应为 GUID"))
            : Key(user, key) is { } k ? new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("case:" + k)).AsSpan(0, 16))
            : Guid.NewGuid();
        var pledged = PledgeOf(args);
        var decision = args.Object("decision");
        if (!args.Ok) return args.Problem();
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        if (snapshot.Set.Item(itemId) is not { } item) return Problems.ItemNotFound(itemId);
        if (item.Guide is { IsRetired: true })
            return Problems.Of(409, Problems.ItemRetired, "事项已停用，不再受理 (the item is retired)", item.Guide.StatusNote);
        if (!CaseAccess.MayReceive(user, item, snapshot)) return Problems.Denied($"当前账号不能在本窗口受理事项 {itemId}");
        if (item.Form is { } definedForm && !definedForm.ApplicantTypes.Contains(applicant!.Type))
            return Problems.Invalid($"事项 {itemId} 不受理此类申请人");

        if (item.Form is { } itemForm)
        {
            // The server checks the 申请表 with the same rules the browser shows: nothing invalid is stored.
            var checkedForm = FormChecks.Check(itemForm, form, applicant!, snapshot, item, context);
            if (checkedForm.Problem is { } formProblem) return formProblem;
            form = checkedForm.Values!;
        }

        // 信息共享: certificates this server (or a connected register) already issued count as received.
        var shared = await sharing.FindAsync(item, applicant!.IdNumber, CaseViews.Today(service.Clock), context.RequestAborted);
        var receive = new ReceiveMaterials("", "", applicant!, form, SharedMaterials.Apply(materials, shared), user.Actor(Roles.Clerk));
        var received = await service.ExecuteAsync(id, receive, Key(user, key), itemId, cancellationToken: context.RequestAborted);
        if (received is not CaseCommandResult.Ok ok) return Answer(received, service, catalog, user);

        // 告知承诺 between 收件 and the decision, a command of its own with a derived key like the
        // decision's. Refused (a marked applicant, a material not in the scheme): the case stays 收件.
        if (pledged is not null)
        {
            var chosen = await service.ExecuteAsync(ok.CaseId, new ChoosePledge(user.Actor(Roles.Clerk), pledged), Key(user, key, ":pledge"),
                cancellationToken: context.RequestAborted);
            if (chosen is not CaseCommandResult.Ok withPledge) return WithCase(Answer(chosen, service, catalog, user), ok);
            ok = withPledge;
        }
        if (decision is null) return Created(ok, service, catalog);

        // The decision is a second command on the new case; its key derives from the request's, so
        // a retry of the whole call replays both halves.
        var decisionArgs = new JsonArgs(decision);
        var kind = decisionArgs.Required("kind");
        var command = kind == "none" ? null : CaseCommands.Find(kind) is { Gate: CommandGate.Intake } definition
            ? definition.Build(decisionArgs, user, ok.State)
            : Invalid<CaseCommand>(decisionArgs, $"decision.kind '{kind}' 无效：accept, accept-with-deferral, request-supplement, refuse, none");
        if (!decisionArgs.Ok) return WithCase(decisionArgs.Problem(), ok);
        if (command is null) return Created(ok, service, catalog);
        var decided = await service.ExecuteAsync(ok.CaseId, command, Key(user, key, ":decision"), cancellationToken: context.RequestAborted);
        await ShowOnWindowTabletsAsync(context, user, ok.State, decided);
        return decided is CaseCommandResult.Ok done ? Created(done, service, catalog) : WithCase(Answer(decided, service, catalog, user), ok);
    }

    private static async Task<IResult> Get(Guid id, HttpContext context, CaseService service, DefinitionCatalog catalog)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var loaded = await service.LoadAsync(id, context.RequestAborted);
        if (loaded is null || !CaseAccess.MaySee(user, loaded.Value.Stored.Snapshot.Index.Parties)) return CaseNotFound(id);
        var (state, stored) = loaded.Value;
        var pinned = await service.DefinitionsOfAsync(state, context.RequestAborted);
        context.Response.Headers.ETag = $"\"{stored.Version}\"";
        return TypedResults.Json(CaseViews.Case(state, stored, pinned?.Snapshot ?? catalog.Current, CaseViews.Today(service.Clock)), CaseViews.Json);
    }

    private static async Task<IResult> Search(HttpContext context, ICaseStore store, CaseService service,
        string? number, string? applicant, string? applicantId, string? status, string? department, string? dueBefore, bool? open, bool? procedureOverrun, int? skip, int? take)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.WorksOnCases) return Problems.Denied("事项编辑账号不能查看办件");
        DateOnly? due = null;
        if (dueBefore is not null)
        {
            if (!DateOnly.TryParseExact(dueBefore, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return Problems.Invalid("dueBefore 应为日期 yyyy-MM-dd");
            due = d;
        }
        if (skip is < 0 || take is < 1 or > 200) return Problems.Invalid("skip ≥ 0，take 为 1–200");
        var query = new CaseQuery
        {
            Number = Blank(number), ApplicantNamePrefix = Blank(applicant), ApplicantId = Blank(applicantId),
            Status = Blank(status) is { } s ? Pascal(s) : null, Department = Blank(department), DueBefore = due,
            OpenOnly = open ?? false, Party = CaseAccess.PartyOf(user), Skip = skip ?? 0, Take = take ?? 50,
            // 特别程序 past the duration announced to the applicant, on the server's today (the index's procedure_due).
            ProcedureOverrunOn = procedureOverrun == true ? CaseViews.Today(service.Clock) : null,
        };
        var page = await store.SearchAsync(query, context.RequestAborted);
        return TypedResults.Json(new CaseSearchPage(page.Items.Select(CaseViews.Summary).ToList(), page.HasMore), CaseViews.Json);
    }

    private static async Task<IResult> Timeline(Guid id, HttpContext context, ICaseStore store, IOutbox outbox)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var stored = await store.LoadAsync(id, context.RequestAborted);
        if (stored is null || !CaseAccess.MaySee(user, stored.Snapshot.Index.Parties)) return CaseNotFound(id);
        var events = await store.ReadEventsAsync(id, context.RequestAborted);
        // Effects not done yet (pending, or failed after their last retry) beside the events: a failed one is visible here with its reason.
        var effects = await Effects.CaseEffectEndpoints.OpenEffectsAsync(outbox, id, user, context.RequestAborted);
        return TypedResults.Json(new CaseTimeline(id, stored.Number.Text, events.Select(CaseViews.Event).ToList(), effects), CaseViews.Json);
    }

    private static async Task<IResult> Execute(Guid id, CaseCommands.Definition definition, HttpContext context, CaseService service, DefinitionCatalog catalog)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        if (!TryIfMatch(context, out var expected)) return Problems.Invalid("If-Match 应为版本号，如 \"12\"");
        var loaded = await service.LoadAsync(id, context.RequestAborted);
        if (loaded is null) return CaseNotFound(id);
        var (state, stored) = loaded.Value;
        if (!CaseAccess.MaySee(user, stored.Snapshot.Index.Parties)) return CaseNotFound(id);
        var args = new JsonArgs(body!);
        var command = definition.Build(args, user, state);
        var key = Key(user, context.Request.Headers[IdempotencyHeader].ToString());
        // A retry is answered as the first request was, whatever the case's state or step is now.
        var retry = args.Ok && command is not null && await service.IsRetryAsync(id, command, key, context.RequestAborted);
        // A stale If-Match is answered 409 as the store would, before any refusal for the step or state someone else moved the case to.
        if (!retry && expected is { } decidedOn && decidedOn < stored.Version)
            return Answer(new CaseCommandResult.Conflict(decidedOn, stored.Version), service, catalog, user, context);
        if (!retry)
        {
            var seats = Security.CaseCommandPolicy.ItemSeats.Of((await service.DefinitionsOfAsync(state, context.RequestAborted))?.Snapshot.Set.Item(state.ItemId)
                ?? catalog.Current?.Set.Item(state.ItemId));
            if (Security.CaseCommandPolicy.Who(user, definition.Gate, definition.Name, state, stored.Snapshot.Index.Parties, seats) is { } refusal) return refusal;
            if (!args.Ok || command is null) return args.Problem();
            if (Security.CaseCommandPolicy.When(definition.Name, state) is { } notNow) return notNow;
            if (command is IssueDocument issue && await Security.DocumentIssuePolicy.RefusalAsync(issue.TemplateId, state, service, catalog, context.RequestAborted) is { } refused)
                return refused;
        }
        var result = await service.ExecuteAsync(id, command!, key, expectedVersion: expected, cancellationToken: context.RequestAborted);
        await ShowOnWindowTabletsAsync(context, user, state, result);
        return Answer(result, service, catalog, user, context);
    }

    /// <summary>The clerk at a window just finished the case (handed over, refused...): the window's rating tablets show it now.</summary>
    private static async Task ShowOnWindowTabletsAsync(HttpContext context, CurrentUser user, CaseState before, CaseCommandResult result)
    {
        if (result is CaseCommandResult.Ok { Replayed: false } done && done.State.IsClosed && !before.IsClosed && user.Window is { } window)
            await context.RequestServices.GetRequiredService<Kiosk.KioskDevices>().SetCurrentCaseAsync(window, done.CaseId, user.UserName, context.RequestAborted);
    }

    internal static IResult Answer(CaseCommandResult result, CaseService service, DefinitionCatalog catalog, CurrentUser user, HttpContext? context = null) =>
        result switch
        {
            CaseCommandResult.Ok ok => Ok(ok, service, catalog, context),
            CaseCommandResult.Conflict c => Problems.Of(409, Problems.VersionConflict, "办件已被他人更新 (the case changed)",
                $"你基于版本 {c.ExpectedVersion} 操作，当前版本为 {c.ActualVersion}；请刷新后重试",
                new Dictionary<string, object?> { ["expectedVersion"] = c.ExpectedVersion, ["actualVersion"] = c.ActualVersion }),
            CaseCommandResult.IdempotencyMismatch m => Problems.Of(422, Problems.IdempotencyKeyReused, "幂等键已用于另一请求 (idempotency key reused)",
                $"Idempotency-Key '{m.Key}' 已用于内容不同的请求"),
            CaseCommandResult.NotFound n => CaseNotFound(n.CaseId),
            CaseCommandResult.Rejected r => Problems.Of(r.Code == Engine.Errors.ErrorCodes.CaseAlreadyExists ? 409 : 422, r.Code, "操作未被接受 (command rejected)", r.Message),
            _ => throw new InvalidOperationException($"unexpected {result}"),
        };

    private static IResult Ok(CaseCommandResult.Ok ok, CaseService service, DefinitionCatalog catalog, HttpContext? context)
    {
        if (context is not null) context.Response.Headers.ETag = $"\"{ok.Version}\"";
        return TypedResults.Json(View(ok, service, catalog), CaseViews.Json);
    }

    private static IResult Created(CaseCommandResult.Ok ok, CaseService service, DefinitionCatalog catalog) =>
        TypedResults.Json(View(ok, service, catalog), CaseViews.Json, statusCode: ok.Replayed ? 200 : 201);

    private static CaseView View(CaseCommandResult.Ok ok, CaseService service, DefinitionCatalog catalog)
    {
        var stored = new StoredCase(ok.CaseId, new CaseNumber("", 0, 0, ok.Number), ok.Version, new CaseSnapshot("", new CaseIndex("")));
        var view = CaseViews.Case(ok.State, stored, catalog.Current?.Version == ok.State.DefinitionVersion ? catalog.Current
            : service.DefinitionsOfAsync(ok.State).GetAwaiter().GetResult()?.Snapshot, CaseViews.Today(service.Clock));
        return view with { Replayed = ok.Replayed };
    }

    /// <summary>The decision failed but the case exists: the problem names it so the clerk can go on from there.</summary>
    private static IResult WithCase(IResult problem, CaseCommandResult.Ok received) => problem is IStatusCodeHttpResult and IValueHttpResult { Value: Microsoft.AspNetCore.Mvc.ProblemDetails details }
        ? AddCase(details, received, problem)
        : problem;

    private static IResult AddCase(Microsoft.AspNetCore.Mvc.ProblemDetails details, CaseCommandResult.Ok received, IResult problem)
    {
        details.Extensions["caseId"] = received.CaseId.ToString("D");
        details.Extensions["number"] = received.Number;
        details.Detail = (details.Detail is null ? "" : details.Detail + "；") + $"已收件 {received.Number}，受理决定未执行";
        return problem;
    }

    private static Applicant? ApplicantOf(JsonArgs args)
    {
        var o = args.Object("applicant", required: true);
        if (o is null) return null;
        var type = args.EnumOf<ApplicantType>(args.StringOf(o, "type", "applicant.type", true), "applicant.type");
        var name = args.StringOf(o, "name", "applicant.name", true);
        var idNumber = args.StringOf(o, "idNumber", "applicant.idNumber", true)?.ToUpperInvariant();
        var phone = args.StringOf(o, "phone", "applicant.phone", false);
        var address = args.StringOf(o, "address", "applicant.address", false)?.Trim();
        if (address is { Length: > 200 }) args.Error("applicant.address 住址最多 200 字");
        if (type == ApplicantType.Person && idNumber is not null && !ResidentId.IsValid(idNumber))
            args.Error($"applicant.idNumber '{idNumber}' 不是有效的公民身份号码（GB 11643 校验码不符）");
        if (type == ApplicantType.Organization && idNumber is not null && !Uscc.IsValid(idNumber))
            args.Error($"applicant.idNumber '{idNumber}' 不是有效的统一社会信用代码（GB 32100 校验码不符）");
        return type is { } t && name is not null && idNumber is not null ? new Applicant(t, name, idNumber, phone, address is { Length: > 0 } ? address : null) : null;
    }

    /// <summary><c>pledge: {materialIds}</c>: the proofs the applicant's written pledge replaces; null without a pledge.</summary>
    private static IReadOnlyList<string>? PledgeOf(JsonArgs args)
    {
        if (args.Object("pledge") is not { } pledge) return null;
        if (pledge["materialIds"] is System.Text.Json.Nodes.JsonArray ids && ids.Count > 0 && ids.All(n => n?.GetValueKind() == System.Text.Json.JsonValueKind.String))
            return ids.Select(n => (string)n!).ToList();
        args.Error("pledge.materialIds 应为非空的材料标识数组 (the materials the pledge replaces)");
        return null;
    }

    private static IReadOnlyList<MaterialRecord> MaterialsOf(JsonArgs args) =>
        args.Objects("materials").Select((o, i) =>
        {
            var id = args.StringOf(o, "materialId", $"materials[{i}].materialId", true);
            var status = args.EnumOf<MaterialStatus>(args.StringOf(o, "status", $"materials[{i}].status", true), $"materials[{i}].status");
            return id is not null && status is { } s ? new MaterialRecord(id, s, args.StringOf(o, "note", $"materials[{i}].note", false)) : null;
        }).OfType<MaterialRecord>().ToList();

    internal static bool TryIfMatch(HttpContext context, out long? version)
    {
        version = null;
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return true;
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        if (long.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v)) { version = v; return true; }
        return false;
    }

    /// <summary>
    /// The caller's key, scoped to the caller: the same key from two users is two requests, so a
    /// predictable key (like the README's examples) cannot be used up by someone else first.
    /// </summary>
    internal static string? Key(CurrentUser user, string? header, string suffix = "") =>
        string.IsNullOrWhiteSpace(header) ? null : $"{user.UserName}\u001f{header.Trim()}{suffix}";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    public static IResult CaseNotFound(Guid id) => Problems.Of(404, Problems.NotFound, "办件不存在或无权查看 (case not found)", $"办件 {id}");

    private static Guid Invalid(JsonArgs args, string message) { args.Error(message); return Guid.Empty; }

    private static T? Invalid<T>(JsonArgs args, string message) where T : class { args.Error(message); return null; }
}
