using Microsoft.Net.Http.Headers;

namespace Workflows.Server.Security;

/// <summary>
/// No cross-site writes. A request that changes something (any method but GET, HEAD, OPTIONS,
/// TRACE) under <c>/api</c> must carry <see cref="HeaderName"/> and, when it has a body, a JSON
/// body. An HTML form can send neither a custom header nor <c>application/json</c>, and a script on
/// another origin cannot add the header without a CORS preflight that this server never grants.
/// SameSite=Strict alone is not enough: another port of the same host is the same site.
/// File uploads are the exception to the JSON rule (the body is the file, checked by its bytes),
/// but they need the header like every other write.
/// </summary>
public sealed class CrossSiteWriteGuard(RequestDelegate next)
{
    public const string HeaderName = "X-Workflows-Request";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (IsSafe(request.Method) || !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (!IsUpload(request.Path) && HasBody(request) && !IsJson(request.ContentType))
        {
            await SecurityProblems.UnsupportedMediaType(request.ContentType).ExecuteAsync(context);
            return;
        }
        if (string.IsNullOrWhiteSpace(request.Headers[HeaderName]))
        {
            await SecurityProblems.MissingRequestHeader().ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    public static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>A form always sends a Content-Type; an empty POST without one (logout) carries nothing to forge.</summary>
    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is > 0 || !string.IsNullOrEmpty(request.ContentType) || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    /// <summary><c>application/json</c> or <c>application/*+json</c>, in UTF-8 when a charset is named.</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type)) return false;
        var media = type.MediaType.Value ?? "";
        var json = media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = type.Charset.Value;
        return json && (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><c>POST /api/cases/{id}/files</c>: the body is the scan itself.</summary>
    private static bool IsUpload(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments is ["api", "cases", var id, "files"] && Guid.TryParse(id, out _);
    }
}
