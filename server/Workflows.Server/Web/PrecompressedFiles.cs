using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Workflows.Server.Web;

/// <summary>
/// Serves the <c>.br</c> / <c>.gz</c> files that <c>designer/scripts/precompress.mjs</c> writes beside
/// the built UI: a request for <c>/assets/index-abc.js</c> from a browser that accepts Brotli is
/// answered from <c>index-abc.js.br</c> with <c>Content-Encoding: br</c>, the JavaScript content type
/// and <c>Vary: Accept-Encoding</c>. Compressed once at build time, never per request.
/// </summary>
public static class PrecompressedFiles
{
    private const string EncodingKey = "wf.precompressed";
    private static readonly (string Encoding, string Suffix)[] Preferred = [("br", ".br"), ("gzip", ".gz")];
    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>Rewrites the path to the best precompressed variant the client accepts (before UseStaticFiles).</summary>
    public static IApplicationBuilder UsePrecompressedFiles(this IApplicationBuilder app, IFileProvider files) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var path = request.Path.Value;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && path is not null && !path.EndsWith('/')
            && !SpaHosting.IsServerPath(request.Path) && Types.TryGetContentType(path, out var contentType))
        {
            var accepted = Accepted(request.Headers.AcceptEncoding);
            foreach (var (encoding, suffix) in Preferred)
            {
                if (!accepted.Contains(encoding) || !files.GetFileInfo(path + suffix).Exists) continue;
                context.Items[EncodingKey] = (encoding, contentType);
                request.Path = path + suffix;
                break;
            }
            // Whether or not a variant was chosen, the answer depends on Accept-Encoding when variants exist.
            if (files.GetFileInfo(path + ".br").Exists || files.GetFileInfo(path + ".gz").Exists)
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }
        await next();
    });

    /// <summary>The content type the static file middleware needs to serve a .br or .gz at all.</summary>
    public static IContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".br"] = "application/octet-stream";
        types.Mappings[".gz"] = "application/gzip";
        return types;
    }

    /// <summary>From OnPrepareResponse: the encoding header and the original file's content type.</summary>
    public static void PrepareResponse(HttpContext context)
    {
        if (context.Items[EncodingKey] is not (string encoding, string contentType)) return;
        context.Response.Headers[HeaderNames.ContentEncoding] = encoding;
        context.Response.ContentType = contentType;
    }

    /// <summary>The encodings with a non-zero quality ("br;q=0" refuses Brotli).</summary>
    internal static HashSet<string> Accepted(StringValues header)
    {
        var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!StringWithQualityHeaderValue.TryParseList(header, out var values)) return accepted;
        foreach (var value in values)
            if (value.Quality is null or > 0) accepted.Add(value.Value.Value ?? "");
        return accepted;
    }
}
