namespace Workflows.Server.Api;

/// <summary>
/// RFC 7807 problem responses with a stable <c>code</c>. API codes are WF9xxx; definition
/// diagnostics keep their own WF1xxx–WF5xxx codes.
/// </summary>
public static class Problems
{
    public const string MalformedJson = "WF9001";
    public const string InvalidRequest = "WF9002";
    public const string PayloadTooLarge = "WF9003";
    public const string Unauthenticated = "WF9401";
    public const string Forbidden = "WF9403";
    public const string NotFound = "WF9404";
    public const string VersionConflict = "WF9409";
    public const string IdempotencyKeyReused = "WF9422";
    /// <summary>An item retired in its guide (status: retired) is not received any more.</summary>
    public const string ItemRetired = "WF9410";
    /// <summary>A save without If-Match on an existing definition file.</summary>
    public const string PreconditionRequired = "WF9428";
    /// <summary>A designer draft or publish that the validator finds errors in; the diagnostics are in the body.</summary>
    public const string DefinitionInvalid = "WF9421";
    /// <summary>Nothing to publish: the work tree equals the last published version.</summary>
    public const string NothingToPublish = "WF9412";
    /// <summary>The designer needs the county work tree (serve with --data, not --definitions).</summary>
    public const string NoWorkTree = "WF9504";
    public const string UnsupportedMediaType = "WF9415";
    /// <summary>A submitted 申请表 breaks the form's rules; every field's problem is in <c>errors</c>.</summary>
    public const string FormInvalidCode = "WF9420";
    /// <summary>A condition of the definition failed at run time: the definition's mistake, named in the body.</summary>
    public const string DefinitionScriptFailedCode = "WF9424";
    public const string DefinitionsUnavailable = "WF9503";
    /// <summary>A document the case records whose render has not finished (e.g. held by a node that died, until its lease ends).</summary>
    public const string DocumentPending = "WF9505";
    /// <summary>An admin asked to run an effect that is already done.</summary>
    public const string EffectDone = "WF9413";
    /// <summary>An admin asked to run an effect that a runner holds right now.</summary>
    public const string EffectBusy = "WF9429";
    /// <summary>A change waiting for review was overtaken by another publish: it cannot go live as reviewed.</summary>
    public const string ReviewStale = "WF9414";
    /// <summary>An admin tried to approve the change they asked to publish themselves (four eyes).</summary>
    public const string OwnChange = "WF9416";
    public const string Internal = "WF9500";

    public static IResult Of(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?> { ["code"] = code };
        if (extensions is not null) foreach (var (k, v) in extensions) ext[k] = v;
        return Results.Problem(statusCode: status, title: title, detail: detail, type: $"https://workflows.local/problems/{code}", extensions: ext);
    }

    public static IResult SignInRequired() => Of(401, Unauthenticated, "请先登录 (sign in first)");

    public static IResult Denied(string detail) => Of(403, Forbidden, "无权进行此操作 (forbidden)", detail);

    public static IResult Invalid(string detail) => Of(400, InvalidRequest, "请求无效 (invalid request)", detail);

    public static IResult ItemNotFound(string id) => Of(404, NotFound, "事项不存在 (item not found)", $"没有标识为 '{id}' 的事项");

    /// <summary>400 with every field's problem as <c>{field, code, message}</c>.</summary>
    public static IResult FormInvalid(IEnumerable<Workflows.Scripting.Forms.FieldProblem> problems) =>
        Of(400, FormInvalidCode, "申请表填写有误 (the form is invalid)", string.Join("；", problems.Select(p => p.Message)),
            new Dictionary<string, object?> { ["errors"] = problems.Select(p => new { field = p.Field, code = p.Code, message = p.Message }).ToList() });

    /// <summary>422 naming the definition whose condition failed; logged for the editor.</summary>
    public static IResult DefinitionScriptFailed(string itemId, string version, Workflows.Scripting.Forms.FormScriptException e) =>
        Of(422, DefinitionScriptFailedCode, "事项定义中的条件无法执行，请联系管理员修正 (a condition of the definition failed)", e.Message,
            new Dictionary<string, object?> { ["item"] = itemId, ["version"] = version, ["where"] = e.Where, ["expression"] = e.Expression, ["scriptCode"] = e.ScriptCode });

    public static IResult NoDefinitions() => Of(503, DefinitionsUnavailable, "定义尚未成功加载 (no valid definitions loaded)",
        "定义文件有错误，请运行 workflows validate 查看，或查看 /api/definitions/status");
}
