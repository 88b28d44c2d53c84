using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Security;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>
/// 信用记录 an office manages (/api/credit-marks): admins and supervisors read the marks (false pledges
/// found by 告知承诺核查 and 失信 from credit lists); only admins enter a 失信 mark or lift one (信用修复),
/// each change in the security log. A case's false pledge is written by the revocation itself, never here.
/// </summary>
public static class CreditMarkEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var marks = app.MapGroup("/api/credit-marks").WithTags("信用记录 credit");
        marks.MapGet("", List).WithSummary("信用记录：按申请人证件号码或统一社会信用代码 applicantId 筛选，最新在前，page、pageSize 分页（管理员、监督）(credit marks)")
            .Produces<CreditMarkList>().Refusals();
        marks.MapPost("", Add).WithSummary("新增失信记录：applicantId、applicantName、reason、basis（来源依据，如失信被执行人名单文号）、validUntil（可选，有效期至）（管理员）(add a 失信 mark)")
            .Accepts<AddCreditMarkRequest>("application/json").Produces<CreditMarkView>(StatusCodes.Status201Created).Refusals();
        marks.MapPost("/{id}/lift", Lift).WithSummary("信用修复：解除信用记录并写明理由，记录保留（管理员）(lift a mark)")
            .Accepts<LiftCreditMarkRequest>("application/json").Produces<CreditMarkView>().Refusals();
    }

    private static async Task<IResult> List(HttpContext context, CreditMarkAdministration credit, string? applicantId, int? page, int? pageSize)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.SeesAllCases) return Problems.Denied("只有管理员和监督人员可以查看信用记录");
        if (page is < 1 || pageSize is < 1 or > 200) return Problems.Invalid("page 从 1 开始，pageSize 为 1–200");
        string? applicant = null;
        if (!string.IsNullOrWhiteSpace(applicantId) && (applicant = CreditMarkAdministration.NormalizeApplicantId(applicantId)) is null)
            return Refused(new CreditMarkProblem(CreditMarkAdministration.ApplicantIdInvalid, "申请人证件号码应为 15 或 18 位 (the applicant's ID number or USCC is invalid)"));
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var found = await credit.ListAsync(applicant, number, size, context.RequestAborted);
        var today = credit.Today;
        return TypedResults.Ok(new CreditMarkList(found.Marks.Select(m => View(m, today)).ToList(), number, size, found.Total));
    }

    private static async Task<IResult> Add(HttpContext context, CreditMarkAdministration credit)
    {
        if (NotAdmin(context) is { } denied) return denied;
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var args = new JsonArgs(body!);
        var draft = new CreditMarkAdministration.Draft(args.Required("applicantId"), args.Required("applicantName"), args.Required("reason"),
            args.Required("basis"), args.Date("validUntil"));
        if (!args.Ok) return args.Problem();
        var (mark, refused) = await credit.AddAsync(draft, context.User.Identity!.Name!, SecurityLog.AddressOf(context), context.RequestAborted);
        if (refused is not null) return Refused(refused);
        return TypedResults.Created($"/api/credit-marks?applicantId={mark!.ApplicantId}", View(mark, credit.Today));
    }

    private static async Task<IResult> Lift(HttpContext context, CreditMarkAdministration credit, string id)
    {
        if (NotAdmin(context) is { } denied) return denied;
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var args = new JsonArgs(body!);
        var reason = args.Required("reason");
        if (!args.Ok) return args.Problem();
        var (mark, refused) = await credit.LiftAsync(id, reason, context.User.Identity!.Name!, SecurityLog.AddressOf(context), context.RequestAborted);
        if (refused is not null) return Refused(refused);
        return TypedResults.Ok(View(mark!, credit.Today));
    }

    private static IResult? NotAdmin(HttpContext context) =>
        CurrentUser.From(context.User) is not { } user ? Problems.SignInRequired() : user.IsAdmin ? null : Problems.Denied("只有管理员可以新增或解除信用记录");

    private static IResult Refused(CreditMarkProblem problem) =>
        Problems.Of(problem.Status, problem.Code, problem.Status == 404 ? "找不到信用记录 (not found)" : "信用记录操作被拒绝 (refused)", problem.Message);

    private static CreditMarkView View(StoredCreditMark m, DateOnly today) => new(
        m.Id, m.Kind, m.Kind == Workflows.Engine.State.CreditMark.FalsePledge ? "虚假承诺" : "失信", m.ApplicantId, m.ApplicantName, m.Reason, m.Basis,
        m.MarkedOn, m.ValidUntil, m.CaseId, m.CaseNumber, m.AddedBy, m.LiftedOn, m.LiftedBy, m.LiftReason, m.IsActiveOn(today));

    private static RouteHandlerBuilder Refusals(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}

/// <param name="Total">Every mark matching the filter, not only this page.</param>
public sealed record CreditMarkList(IReadOnlyList<CreditMarkView> Marks, int Page, int PageSize, int Total);

/// <summary>A mark as the admin's list shows it.</summary>
/// <param name="Kind"><c>false-pledge</c> (虚假承诺, from a 告知承诺 check) or <c>dishonest</c> (失信, entered from a list).</param>
/// <param name="ValidUntil">The last day the mark refuses; null: until lifted.</param>
/// <param name="Active">Refuses 容缺 and 告知承诺 today: not lifted and not past <c>validUntil</c>.</param>
public sealed record CreditMarkView(string Id, string Kind, string KindLabel, string ApplicantId, string? ApplicantName, string Reason, string? Basis,
    DateOnly MarkedOn, DateOnly? ValidUntil, Guid? CaseId, string? CaseNumber, string? AddedBy, DateOnly? LiftedOn, string? LiftedBy, string? LiftReason,
    bool Active);

/// <param name="ValidUntil">Optional: the last day the mark refuses (yyyy-MM-dd).</param>
public sealed record AddCreditMarkRequest(string ApplicantId, string ApplicantName, string Reason, string Basis, DateOnly? ValidUntil = null);

public sealed record LiftCreditMarkRequest(string Reason);
