using Microsoft.Net.Http.Headers;

namespace Workflows.Server.Security;

/// <summary>
/// Headers on every answer. The CSP allows no inline script and no eval: the built UI is module
/// scripts from /assets, and Monaco runs its workers from same-origin files (blob: allowed for
/// workers in case a bundler inlines one). Inline styles stay allowed: antd and Monaco inject
/// style elements at run time, and a style cannot run code. PDFs (issued documents, template
/// previews as blob: URLs) are framed by the UI itself, so framing is allowed from this origin only.
/// API answers carry ID numbers and addresses: <c>no-store</c> keeps them out of shared and disk caches.
/// Neither inline script nor eval: the browser walks the definitions' conditions with its own
/// interpreter (designer/src/forms/interpreter.ts), so no definition code is ever compiled in the page.
/// The page may connect to its own origin and to the device agent on the clerk's PC (docs/devices.md), nothing else.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The policy of an HTML page; <paramref name="deviceAgent"/> is the agent's origin (<c>ws://127.0.0.1:17380</c>) or null.</summary>
    public static string ContentSecurityPolicy(string? deviceAgent) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        $"font-src 'self' data:; connect-src 'self'{(deviceAgent is null ? "" : " " + deviceAgent)}; worker-src 'self' blob:; frame-src 'self' blob:; object-src 'self' blob:; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>A non-HTML answer (JSON, a PDF) runs nothing; it needs only the framing rule (a stricter policy would stop browsers' PDF viewers).</summary>
    public const string NonHtmlPolicy = "frame-ancestors 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            var type = http.Response.ContentType;
            var html = string.IsNullOrEmpty(type) || type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
            headers[HeaderNames.ContentSecurityPolicy] = html
                ? ContentSecurityPolicy(http.RequestServices.GetService<Workbench.DeviceAgentSettings>()?.Origin)
                : NonHtmlPolicy;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps) headers[HeaderNames.StrictTransportSecurity] = "max-age=31536000";
            if (HoldsPersonalData(http.Request.Path))
            {
                headers[HeaderNames.CacheControl] = "no-store";
                headers[HeaderNames.Pragma] = "no-cache";
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    /// <summary>The API and the public verification page answer with applicants' data; the UI's files do not.</summary>
    private static bool HoldsPersonalData(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/verify", StringComparison.OrdinalIgnoreCase);
}
