using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using Workflows.Server.Api;

namespace Workflows.Server.Web;

/// <summary>
/// The web UI (designer/ built by Vite into <c>wwwroot</c>): static files, and <c>index.html</c> for
/// every client route, so /workbench/intake can be reloaded. The server's own paths (/api, /openapi,
/// /verify, /health) never fall back: an unknown one stays a problem-details 404.
/// </summary>
public static class SpaHosting
{
    private static readonly string[] ServerPrefixes = ["/api", "/openapi", "/verify", "/health"];

    /// <summary>
    /// The built UI next to the server when neither <c>--web-root</c> nor <c>WORKFLOWS_WEB_ROOT</c> names one:
    /// <c>wwwroot</c> beside the assembly, or the source tree's <c>server/Workflows.Server/wwwroot</c>.
    /// </summary>
    public static string? DefaultWebRoot()
    {
        var baseDir = AppContext.BaseDirectory;
        // bin/Release/net10.0 → the project folder, where `npm run build` writes wwwroot.
        foreach (var candidate in new[] { Path.Combine(baseDir, "wwwroot"), Path.Combine(baseDir, "..", "..", "..", "wwwroot") })
            if (File.Exists(Path.Combine(candidate, "index.html"))) return Path.GetFullPath(candidate);
        return null;
    }

    public static bool IsServerPath(PathString path) =>
        ServerPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Static files before the endpoints; call <see cref="MapFallback"/> after them.</summary>
    public static void UseWebUi(WebApplication app, string? webRoot)
    {
        if (!HasUi(webRoot)) return;
        var files = new PhysicalFileProvider(webRoot!);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UsePrecompressedFiles(files);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = PrecompressedFiles.ContentTypes(),
            OnPrepareResponse = context =>
            {
                // Vite puts a content hash in every asset name: cache them for good, never index.html.
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable" : "no-cache";
                PrecompressedFiles.PrepareResponse(context.Context);
            },
        });
    }

    public static void MapFallback(WebApplication app, string? webRoot)
    {
        if (!HasUi(webRoot))
        {
            app.MapGet("/", () => Results.Content(NoUiPage, "text/html; charset=utf-8")).ExcludeFromDescription();
            return;
        }
        var index = Path.Combine(webRoot!, "index.html");
        app.MapFallback(async context =>
        {
            if (IsServerPath(context.Request.Path) || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                await Problems.Of(404, Problems.NotFound, "找不到资源 (not found)").ExecuteAsync(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await context.Response.SendFileAsync(index);
        }).ExcludeFromDescription();
    }

    private static bool HasUi(string? webRoot) => webRoot is not null && File.Exists(Path.Combine(webRoot, "index.html"));

    private const string NoUiPage = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>政务服务事项办理平台</title></head>
        <body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.7">
        <h1>政务服务事项办理平台</h1>
        <p>服务器已启动，但尚未构建网页界面（工作台和设计器）。</p>
        <p>请在项目目录中运行 <code>./run.sh</code>（会自动构建界面），或手动构建：</p>
        <pre>cd designer &amp;&amp; npm ci &amp;&amp; npm run build</pre>
        <p>构建结果位于 <code>server/Workflows.Server/wwwroot</code>，刷新本页即可。也可以用 <code>--web-root</code> 指定目录。</p>
        <p>接口说明：<a href="/api">/api</a>，<a href="/openapi/v1.json">/openapi/v1.json</a></p>
        </body></html>
        """;
}
