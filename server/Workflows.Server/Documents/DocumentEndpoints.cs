using System.Net;
using System.Text;
using Workflows.Documents.Layout;
using Workflows.Documents.Rendering;
using Workflows.Server.Api;

namespace Workflows.Server.Documents;

/// <summary>
/// <c>POST /api/templates/{folder}/{name}/preview</c>: a template rendered to PDF with the posted
/// JSON data (or its sample when the body is empty), for the designer's live preview.
/// <c>GET /verify/{identifier}</c>: the public verification page of an issued certificate.
/// </summary>
public static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder app, string templatesRoot, string definitionsRoot)
    {
        app.MapPost("/api/templates/{folder}/{name}/preview", (HttpRequest request, string folder, string name) =>
            PreviewAsync(request, $"{folder}/{name}", templatesRoot, definitionsRoot)).WithName("PreviewTemplate")
            .WithTags("文书 documents").WithSummary("预览已发布的模板为 PDF（管理员、部门事项编辑）(preview a published template)")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json").Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapPost("/api/templates/{name}/preview", (HttpRequest request, string name) =>
            PreviewAsync(request, name, templatesRoot, definitionsRoot)).ExcludeFromDescription();
        app.MapGet("/verify/{identifier}", (HttpRequest request, string identifier, StoreCertificateRegistry registry) => VerifyAsync(request, registry, identifier)).WithName("VerifyCertificate")
            .WithSummary("电子证照核验：HTML 页面，或 ?format=json (verify a certificate)")
            .Produces<CertificateVerification>(StatusCodes.Status200OK, "application/json", "text/html").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PreviewAsync(HttpRequest request, string id, string templatesRoot, string definitionsRoot)
    {
        // Rendering costs CPU and shows the templates: designers only (admins and department editors).
        if (Auth.CurrentUser.From(request.HttpContext.User) is not { } user) return Problems.SignInRequired();
        if (!Designer.DesignerAccess.MayDesign(user)) return Problems.Denied("模板预览仅供管理员和部门事项编辑使用 (designers only)");
        var (body, problem) = await RequestBody.ReadObjectAsync(request);
        if (problem is not null) return problem;
        var mode = request.Query["mode"].ToString() == "overprint" ? OutputMode.Overprint : OutputMode.Electronic;
        try
        {
            var renderer = DocumentService.For(templatesRoot, definitionsRoot);
            var result = renderer.Render(id, body!.Count == 0 ? null : body, new RenderOptions(mode));
            request.HttpContext.Response.Headers["X-Document-Pages"] = result.PageCount.ToString();
            if (result.Warnings.Count > 0)
                request.HttpContext.Response.Headers["X-Document-Warnings"] = Uri.EscapeDataString(string.Join("\n", result.Warnings));
            return Results.File(result.Pdf, "application/pdf", id.Replace('/', '-') + ".pdf");
        }
        catch (DocumentException e)
        {
            var status = e.Code == DocumentException.UnknownTemplate ? 404 : e.Code == DocumentException.NoFont ? 503 : 422;
            return Problems.Of(status, e.Code, "文书无法生成 (the document cannot be rendered)", e.ToString(), new Dictionary<string, object?>
            {
                ["file"] = e.File, ["line"] = e.Line == 0 ? null : e.Line, ["column"] = e.Column == 0 ? null : e.Column,
            });
        }
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, StoreCertificateRegistry registry, string identifier)
    {
        var record = await registry.FindAsync(identifier, request.HttpContext.RequestAborted);
        var json = request.Query["format"] == "json" || request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);
        if (record is null)
            return Problems.Of(404, Problems.NotFound, "未找到该电子证照 (no such certificate)", $"标识 '{identifier}' 不存在或校验位不正确");
        if (json)
            return TypedResults.Ok(new CertificateVerification(record.Identifier, record.Name, record.Number,
                new CertificateHolder(record.HolderName, record.HolderCode), new CertificateItem(record.ItemId, record.ItemName),
                new CertificateIssuer(record.IssuerName, record.IssuerUscc), record.IssuedOn, record.ValidFrom, record.ValidTo,
                record.Status, record.PdfSha256));
        return Results.Content(Page(record), "text/html; charset=utf-8");
    }

    private static string Page(CertificateRecord r)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "—");
        var rows = new (string, string?)[]
        {
            ("证照名称", r.Name), ("证照编号", r.Number), ("持证主体", r.HolderName), ("持证主体代码", r.HolderCode),
            ("办理事项", r.ItemName), ("发证机构", r.IssuerName), ("发证机构代码", r.IssuerUscc), ("发证日期", r.IssuedOn),
            ("有效期起", r.ValidFrom), ("有效期止", r.ValidTo ?? "长期"), ("状态", r.Status), ("电子证照标识", r.Identifier),
            ("文件 SHA-256", r.PdfSha256),
        };
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append("<title>电子证照核验</title><style>body{font-family:sans-serif;margin:1.5em;max-width:40em}th{text-align:left;padding-right:1em;white-space:nowrap}td{word-break:break-all}</style></head><body>");
        html.Append($"<h1>电子证照核验</h1><p>{(r.Status == CertificateRecord.Valid ? "✔ 该证照由发证机构签发，当前状态有效。" : $"该证照当前状态：{E(r.Status)}")}</p><table>");
        foreach (var (label, value) in rows) html.Append($"<tr><th>{label}</th><td>{E(value)}</td></tr>");
        html.Append("</table><p>核对纸质或电子文件时，请比对文件的 SHA-256 摘要。</p></body></html>");
        return html.ToString();
    }
}

/// <summary>An issued certificate as the public verification answers it (<c>?format=json</c>).</summary>
public sealed record CertificateVerification(string Identifier, string Name, string? Number, CertificateHolder Holder, CertificateItem Item,
    CertificateIssuer Issuer, string IssuedOn, string? ValidFrom, string? ValidTo, string Status, string PdfSha256);

public sealed record CertificateHolder(string Name, string? Code);

public sealed record CertificateItem(string Id, string Name);

public sealed record CertificateIssuer(string Name, string Uscc);
