using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.State;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Server.Security;
using Workflows.Storage;

namespace Workflows.Server.Kiosk;

/// <summary>
/// The rating tablet's API. Admins pair devices (<c>/api/kiosk/devices</c>); a tablet trades a one-time
/// code for a device session (<c>/api/kiosk/pair</c>) and then sees only its window's current case
/// (<c>/api/kiosk/current</c>), rates it (<c>/api/kiosk/evaluate</c>) and leaves with the PIN
/// (<c>/api/kiosk/exit</c>); a clerk pushes a case to the window's tablets (<c>/api/kiosk/window-case</c>).
/// </summary>
public static class KioskEndpoints
{
    /// <summary>A device session asked for anything but its own endpoints, or a person for a device's.</summary>
    public const string DeviceOnly = "WF9480";
    public const string PairingCodeInvalid = "WF9481";
    public const string PinWrong = "WF9482";
    public const string PinLocked = "WF9483";
    public const string PinInvalid = "WF9484";
    public const string DeviceNotFound = "WF9485";
    /// <summary>The rating names a case that is no longer the window's current case (the clerk moved on).</summary>
    public const string NotCurrentCase = "WF9486";

    /// <summary>What a device session may call; the guard answers 403 for every other API path.</summary>
    public static readonly IReadOnlySet<string> DevicePaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "/api/kiosk/current", "/api/kiosk/evaluate", "/api/kiosk/exit" };

    public static void Map(IEndpointRouteBuilder app)
    {
        var devices = app.MapGroup("/api/kiosk/devices").WithTags("评价器 kiosk").RequireAuthorization();
        devices.MapGet("", List).WithSummary("已配对的评价器（管理员）(paired rating tablets)")
            .Produces<KioskDeviceList>().ProducesProblem(StatusCodes.Status403Forbidden);
        devices.MapPost("", Create).WithSummary("新建评价器：name、window、pin；返回一次性配对码（管理员）(pair a tablet)")
            .Accepts<CreateKioskDeviceRequest>("application/json").Produces<KioskPairingCode>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        devices.MapPost("/{id}/pairing-code", NewCode).WithSummary("重新生成一次性配对码（管理员）(new pairing code)")
            .Produces<KioskPairingCode>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        devices.MapPost("/{id}/pin", SetPin).WithSummary("设置设备 PIN：pin（管理员）(set the device PIN)")
            .Accepts<KioskPinRequest>("application/json").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        devices.MapPost("/{id}/revoke", Revoke).WithSummary("解除配对：设备会话立即失效（管理员）(unpair)")
            .Produces<KioskDeviceView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        var kiosk = app.MapGroup("/api/kiosk").WithTags("评价器 kiosk");
        kiosk.MapPost("/pair", Pair).WithSummary("平板输入配对码：code；成功后以设备身份登录 (pair this tablet)")
            .Accepts<KioskPairRequest>("application/json").Produces<KioskPaired>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests);
        kiosk.MapGet("/current", Current).RequireAuthorization().WithSummary("评价器：本窗口当前办件 (the window's current case)")
            .Produces<KioskCurrent>().ProducesProblem(StatusCodes.Status403Forbidden);
        kiosk.MapPost("/evaluate", Evaluate).RequireAuthorization().WithSummary("评价器：caseId、level、comment (rate the current case)")
            .Accepts<KioskEvaluateRequest>("application/json").Produces<KioskEvaluated>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        kiosk.MapPost("/exit", Exit).RequireAuthorization().WithSummary("评价器：输入 PIN 退出评价模式 (leave kiosk mode)")
            .Accepts<KioskPinRequest>("application/json").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests);
        kiosk.MapPost("/window-case", Push).RequireAuthorization().WithSummary("窗口人员把办件推送到本窗口评价器：caseId (push a case to the tablet)")
            .Accepts<KioskPushRequest>("application/json").Produces<KioskPushed>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult AdminOnly() => Problems.Denied("只有管理员可以配对评价器");

    private static KioskDeviceView View(KioskDevice d, DateTimeOffset now) => new(
        d.Id, d.Name, d.Window, d.CreatedAt, d.CreatedBy, d.PairedAt,
        d.PairingCodeHash is not null && d.PairingCodeExpiresAt > now ? d.PairingCodeExpiresAt : null,
        d.RevokedAt, d.RevokedBy,
        d.RevokedAt is not null ? "revoked" : d.PairedAt is not null ? "paired" : "waiting");

    private static async Task<IResult> List(HttpContext context, KioskDevices kiosks, SecurityLog log)
    {
        if (CurrentUser.From(context.User) is not { IsAdmin: true }) return AdminOnly();
        var devices = await kiosks.ListAsync(context.RequestAborted);
        return TypedResults.Ok(new KioskDeviceList(kiosks.Settings.PinLength, devices.Select(d => View(d, log.Now)).ToList()));
    }

    private static async Task<IResult> Create(HttpContext context, KioskDevices kiosks, SecurityLog log, DefinitionCatalog catalog)
    {
        if (CurrentUser.From(context.User) is not { IsAdmin: true } user) return AdminOnly();
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var args = new JsonArgs(body!);
        var name = args.Required("name").Trim();
        var window = args.Required("window").Trim();
        var pin = args.Required("pin");
        if (!args.Ok) return args.Problem();
        if (name.Length is 0 or > 100) return Problems.Invalid("name 为 1–100 个字符");
        if (catalog.Current is { } snapshot && snapshot.Set.Windows.All(w => w.Id != window))
            return Problems.Of(422, AccountsCode, $"窗口不存在：{window} (unknown window)");
        if (kiosks.PinProblem(pin) is { } weak) return Problems.Of(422, PinInvalid, "PIN 不符合要求 (PIN rejected)", weak);
        var (device, code) = await kiosks.CreateAsync(name, window, pin, user.UserName, context.RequestAborted);
        await log.WriteAsync(context, SecurityLog.KioskDeviceCreated, $"{device.Name} · 窗口 {device.Window}", device.Id);
        return TypedResults.Json(new KioskPairingCode(View(device, log.Now), code, device.PairingCodeExpiresAt), statusCode: 201);
    }

    /// <summary>The account layer's code for an unknown window, so both screens say the same.</summary>
    private const string AccountsCode = Accounts.AccountRules.UnknownRoleDepartmentOrWindow;

    private static async Task<IResult> NewCode(string id, HttpContext context, KioskDevices kiosks, SecurityLog log)
    {
        if (CurrentUser.From(context.User) is not { IsAdmin: true }) return AdminOnly();
        if (await kiosks.NewPairingCodeAsync(id, context.RequestAborted) is not var (device, code)) return NoDevice(id);
        await log.WriteAsync(context, SecurityLog.KioskPairingCode, $"{device.Name} · 窗口 {device.Window}", device.Id);
        return TypedResults.Ok(new KioskPairingCode(View(device, log.Now), code, device.PairingCodeExpiresAt));
    }

    private static async Task<IResult> SetPin(string id, HttpContext context, KioskDevices kiosks, SecurityLog log)
    {
        if (CurrentUser.From(context.User) is not { IsAdmin: true }) return AdminOnly();
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var pin = new JsonArgs(body!).String("pin");
        if (kiosks.PinProblem(pin) is { } weak) return Problems.Of(422, PinInvalid, "PIN 不符合要求 (PIN rejected)", weak);
        if (await kiosks.SetPinAsync(id, pin!, context.RequestAborted) is not { } device) return NoDevice(id);
        await log.WriteAsync(context, SecurityLog.KioskPinSet, $"{device.Name} · 窗口 {device.Window}", device.Id);
        return Results.NoContent();
    }

    private static async Task<IResult> Revoke(string id, HttpContext context, KioskDevices kiosks, SecurityLog log)
    {
        if (CurrentUser.From(context.User) is not { IsAdmin: true } user) return AdminOnly();
        if (await kiosks.RevokeAsync(id, user.UserName, context.RequestAborted) is not { } device) return NoDevice(id);
        await log.WriteAsync(context, SecurityLog.KioskUnpaired, $"{device.Name} · 窗口 {device.Window}", device.Id);
        return TypedResults.Ok(View(device, log.Now));
    }

    private static IResult NoDevice(string id) => Problems.Of(404, DeviceNotFound, "评价器不存在或已解除配对 (no such tablet)", id);

    /// <summary>
    /// The code becomes a device session. A person's session in this browser ends first (server-side
    /// too): the counter's tablet holds no clerk session. Failures count like failed sign-ins from the
    /// address, so codes cannot be guessed faster than passwords.
    /// </summary>
    private static async Task<IResult> Pair(HttpContext context, KioskDevices kiosks, SecurityLog log, SignInLimiter limiter, Sessions sessions)
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var code = new JsonArgs(body!).String("code");
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40) return Problems.Invalid("需要 code（8 位配对码）");
        var ct = context.RequestAborted;
        var address = SecurityLog.AddressOf(context);
        if (await limiter.FindLockAsync("", address, ct) is { } locked) return SignInTiming.Locked(context, locked.Until - log.Now);
        if (await kiosks.PairAsync(code, ct) is not { } device)
        {
            await log.WriteAsync(SecurityLog.KioskPairFailed, null, address, "配对码无效或已过期 (pairing code invalid or expired)", ct);
            await log.WriteAsync(SecurityLog.SignInFailed, null, address, "评价器配对码错误 (wrong pairing code)", ct);
            return Problems.Of(401, PairingCodeInvalid, "配对码无效或已过期 (pairing code invalid or expired)", "请管理员在“评价器管理”中重新生成配对码");
        }
        if (Sessions.IdOf(context.User) is { } personal && KioskDevices.DeviceOf(context.User) is null)
        {
            await sessions.EndAsync(personal, ct);
            await log.WriteAsync(SecurityLog.SignedOut, context.User.Identity?.Name, address, "本浏览器配对为评价器 (this browser became a rating tablet)", ct);
        }
        var principal = await kiosks.StartSessionAsync(device, address, ct);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal,
            new AuthenticationProperties { IsPersistent = true, ExpiresUtc = log.Now + kiosks.Settings.SessionLifetime });
        await log.WriteAsync(SecurityLog.KioskPaired, KioskDevices.UserNameOf(device.Id), address, $"{device.Name} · 窗口 {device.Window}", device.Id, ct);
        return TypedResults.Ok(new KioskPaired(device.Name, device.Window));
    }

    private static async Task<IResult> Current(HttpContext context, KioskDevices kiosks, CaseService service, DefinitionCatalog catalog)
    {
        if (KioskDevices.DeviceOf(context.User) is null || CurrentUser.From(context.User) is not { Window: { } window } device)
            return Problems.Of(403, DeviceOnly, "仅限评价器设备 (tablets only)", "请在管理员配对的评价器上打开 /kiosk");
        var current = await kiosks.CurrentCaseAsync(window, context.RequestAborted);
        var loaded = current is null ? null : await service.LoadAsync(current.CaseId, context.RequestAborted);
        KioskCase? view = null;
        if (loaded is var (state, stored))
        {
            var item = catalog.Current?.Set.Item(state.ItemId);
            view = new KioskCase(stored.Id, stored.Number.Text, item?.Guide?.Name,
                state.Applicant.Type == ApplicantType.Organization ? state.Applicant.Name : MaskName(state.Applicant.Name),
                state.IsClosed, state.Evaluation is not null, current!.At);
        }
        return TypedResults.Ok(new KioskCurrent(device.DisplayName, window, view));
    }

    private static async Task<IResult> Evaluate(HttpContext context, KioskDevices kiosks, CaseService service, DefinitionCatalog catalog)
    {
        if (KioskDevices.DeviceOf(context.User) is null || CurrentUser.From(context.User) is not { Window: { } window } device)
            return Problems.Of(403, DeviceOnly, "仅限评价器设备 (tablets only)");
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var args = new JsonArgs(body!);
        var caseId = args.Required("caseId");
        var level = args.Enum<EvaluationLevel>("level", required: true);
        var comment = args.String("comment");
        if (!args.Ok || level is null) return args.Problem();
        if (comment is { Length: > 500 }) return Problems.Invalid("comment 最多 500 个字符");
        // Only the case the window shows now: a device cannot rate any case by guessing ids.
        if (!Guid.TryParse(caseId, out var id) || await kiosks.CurrentCaseAsync(window, context.RequestAborted) is not { } current || current.CaseId != id)
            return Problems.Of(409, NotCurrentCase, "该办件已不是本窗口当前办件 (not the window's current case)", "请刷新评价器");
        var result = await service.ExecuteAsync(id, new Engine.Commands.Evaluate(level.Value, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), null),
            cancellationToken: context.RequestAborted);
        return result switch
        {
            CaseCommandResult.Ok ok => TypedResults.Ok(new KioskEvaluated(id, true, JsonArgs.Kebab(level.Value.ToString()))),
            _ => CaseEndpoints.Answer(result, service, catalog, device, context),
        };
    }

    private static async Task<IResult> Exit(HttpContext context, KioskDevices kiosks, SecurityLog log)
    {
        if (KioskDevices.DeviceOf(context.User) is not { } deviceId) return Problems.Of(403, DeviceOnly, "仅限评价器设备 (tablets only)");
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var pin = new JsonArgs(body!).String("pin") ?? "";
        var ct = context.RequestAborted;
        var address = SecurityLog.AddressOf(context);
        var user = KioskDevices.UserNameOf(deviceId);
        if (await kiosks.PinLockedUntilAsync(deviceId, ct) is { } until)
            return PinLockedAnswer(context, until - log.Now);
        if (await kiosks.FindAsync(deviceId, ct) is not { } device || pin.Length > 12 || !kiosks.PinMatches(device, pin))
        {
            await log.WriteAsync(SecurityLog.KioskPinFailed, user, address, null, deviceId, ct);
            if (await kiosks.PinLockedUntilAsync(deviceId, ct) is { } now)
            {
                await log.WriteAsync(SecurityLog.KioskPinLocked, user, address, $"锁定至 {now:O}", deviceId, ct);
                return PinLockedAnswer(context, now - log.Now);
            }
            return Problems.Of(403, PinWrong, "PIN 错误 (wrong PIN)", "评价器保持评价模式");
        }
        if (Sessions.IdOf(context.User) is { } session) await kiosks.EndSessionAsync(session, ct);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await log.WriteAsync(SecurityLog.KioskExited, user, address, $"{device.Name} · 窗口 {device.Window}", deviceId, ct);
        return Results.NoContent();
    }

    private static IResult PinLockedAnswer(HttpContext context, TimeSpan remaining)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Of(429, PinLocked, "PIN 错误次数过多，已暂时锁定 (too many wrong PINs)", $"请 {Math.Max(1, (seconds + 59) / 60)} 分钟后再试",
            new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    /// <summary>A clerk shows a case on the window's tablets (the same happens when the clerk there finishes a case).</summary>
    private static async Task<IResult> Push(HttpContext context, KioskDevices kiosks, CaseService service)
    {
        if (CurrentUser.From(context.User) is not { } user || KioskDevices.DeviceOf(context.User) is not null) return Problems.SignInRequired();
        if (user.Window is not { } window || !user.Is(Roles.Clerk)) return Problems.Denied("只有窗口人员可以把办件推送到本窗口评价器");
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var caseId = new JsonArgs(body!).String("caseId");
        if (!Guid.TryParse(caseId, out var id)) return Problems.Invalid("需要 caseId");
        if (await service.LoadAsync(id, context.RequestAborted) is not var (_, stored) || !CaseAccess.MaySee(user, stored.Snapshot.Index.Parties))
            return Problems.Of(404, Problems.NotFound, "找不到办件 (case not found)", caseId);
        await kiosks.SetCurrentCaseAsync(window, id, user.UserName, context.RequestAborted);
        return TypedResults.Ok(new KioskPushed(window, id));
    }

    /// <summary>王秀英 → 王*英, 李明 → 李*: the tablet faces the hall.</summary>
    public static string MaskName(string name)
    {
        var chars = System.Globalization.StringInfo.GetTextElementEnumerator(name);
        var parts = new List<string>();
        while (chars.MoveNext()) parts.Add((string)chars.Current);
        return parts.Count switch
        {
            <= 1 => name,
            2 => parts[0] + "*",
            _ => parts[0] + new string('*', parts.Count - 2) + parts[^1],
        };
    }
}

/// <param name="PinLength">The digits a device PIN has (office.yaml).</param>
public sealed record KioskDeviceList(int PinLength, IReadOnlyList<KioskDeviceView> Devices);

/// <param name="PairingCodeExpiresAt">While a one-time pairing code is open.</param>
/// <param name="Status">waiting, paired or revoked.</param>
public sealed record KioskDeviceView(string Id, string Name, string Window, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PairedAt,
    DateTimeOffset? PairingCodeExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy,
    [property: System.ComponentModel.DataAnnotations.AllowedValues("waiting", "paired", "revoked")] string Status);

/// <param name="PairingCode">Shown once: the tablet types it in.</param>
public sealed record KioskPairingCode(KioskDeviceView Device, string PairingCode, DateTimeOffset? ExpiresAt);

public sealed record KioskPaired(string Name, string Window);

/// <param name="Case">The window's current case; null when none.</param>
public sealed record KioskCurrent(string Device, string Window, KioskCase? Case);

/// <param name="ApplicantName">A person's name masked (王*英): the tablet faces the hall.</param>
public sealed record KioskCase(Guid Id, string Number, string? ItemName, string ApplicantName, bool Closed, bool Evaluated, DateTimeOffset PushedAt);

/// <param name="Level">The rating, kebab-case (very-satisfied ... very-dissatisfied).</param>
public sealed record KioskEvaluated(Guid Id, bool Evaluated, string Level);

public sealed record KioskPushed(string Window, Guid CaseId);

/// <summary>Read by hand with JsonArgs; described here for the document.</summary>
public sealed record CreateKioskDeviceRequest(string Name, string Window, string Pin);

public sealed record KioskPinRequest(string Pin);

public sealed record KioskPairRequest(string Code);

/// <param name="Level">very-satisfied, satisfied, basically-satisfied, dissatisfied or very-dissatisfied.</param>
public sealed record KioskEvaluateRequest(string CaseId, string Level, string? Comment = null);

public sealed record KioskPushRequest(string CaseId);
