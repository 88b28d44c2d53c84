using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Workflows.Engine.Commands;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>
/// Files of a case (scans of materials, photos): the request body is the file itself, checked by
/// its first bytes (not by what the browser claims), stored content-addressed in the content store
/// and then recorded on the case by the engine's <see cref="AttachFile"/>. The same scan attached
/// twice is stored once.
/// </summary>
public static class FileEndpoints
{
    public static void Map(IEndpointRouteBuilder app, UploadLimits limits)
    {
        var files = app.MapGroup("/api/cases").WithTags("办件 cases").RequireAuthorization();
        files.MapPost("/{id:guid}/files", (Guid id, HttpContext context, CaseService service, DefinitionCatalog catalog, IContentStore contents) =>
                Upload(id, context, service, catalog, contents, limits))
            .WithSummary("上传材料附件：请求体为文件本身，?materialId=&name= (upload a file; PDF, JPEG, PNG or OFD)")
            .Accepts<Stream>("application/pdf", "image/jpeg", "image/png", "application/ofd", "application/octet-stream")
            .Produces<CaseView>(StatusCodes.Status201Created).CaseProblems().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        files.MapGet("/{id:guid}/files/{sha256}", Download).WithSummary("下载办件附件 (a file of the case)")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream", "application/pdf", "image/jpeg", "image/png", "application/ofd")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static string ContentKey(string sha256) => "file:" + sha256;

    private static async Task<IResult> Upload(Guid id, HttpContext context, CaseService service, DefinitionCatalog catalog, IContentStore contents, UploadLimits limits)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var request = context.Request;
        var name = request.Query["name"].ToString().Trim();
        var materialId = request.Query["materialId"].ToString() is { Length: > 0 } m ? m : null;
        if (name.Length is 0 or > 200 || name.IndexOfAny(['/', '\\', '\0']) >= 0) return Problems.Invalid("name 为文件名（1–200 字，不含路径）");
        if (!CaseEndpoints.TryIfMatch(context, out var expected)) return Problems.Invalid("If-Match 应为版本号，如 \"12\"");

        var loaded = await service.LoadAsync(id, context.RequestAborted);
        if (loaded is null) return CaseEndpoints.CaseNotFound(id);
        var (state, stored) = loaded.Value;
        if (expected is { } decidedOn && decidedOn < stored.Version)
            return CaseEndpoints.Answer(new CaseCommandResult.Conflict(decidedOn, stored.Version), service, catalog, user, context);
        var seats = Security.CaseCommandPolicy.ItemSeats.Of((await service.DefinitionsOfAsync(state, context.RequestAborted))?.Snapshot.Set.Item(state.ItemId)
            ?? catalog.Current?.Set.Item(state.ItemId));
        if (Security.CaseCommandPolicy.Who(user, CommandGate.Upload, Security.CaseCommandPolicy.Upload, state, stored.Snapshot.Index.Parties, seats) is { } refusal)
            return refusal;
        if (Security.CaseCommandPolicy.When(Security.CaseCommandPolicy.Upload, state) is { } notNow) return notNow;

        var (bytes, tooLarge) = await ReadLimitedAsync(context, limits.MaxBytes);
        if (tooLarge) return Problems.Of(413, Problems.PayloadTooLarge, "文件过大 (file too large)", $"单个文件最大 {limits.MaxBytes / (1024 * 1024)} MB");
        if (bytes.Length == 0) return Problems.Invalid("文件为空 (empty file)");
        if (FileKinds.Sniff(bytes, name) is not { } contentType)
            return Problems.Of(415, Problems.UnsupportedMediaType, "文件类型不支持 (unsupported file type)", "只接受 PDF、JPEG、PNG 或 OFD 文件");

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await contents.PutContentAsync(ContentKey(sha), contentType, bytes, context.RequestAborted);
        var command = new AttachFile(CaseAccess.ActorFor(user, null), materialId, name, contentType, bytes.Length, sha);
        var result = await service.ExecuteAsync(id, command, CaseEndpoints.Key(user, request.Headers[CaseEndpoints.IdempotencyHeader].ToString()),
            expectedVersion: expected, cancellationToken: context.RequestAborted);
        var answer = CaseEndpoints.Answer(result, service, catalog, user, context);
        return result is CaseCommandResult.Ok ? new Created(answer, $"/api/cases/{id:D}/files/{sha}") : answer;
    }

    private static async Task<IResult> Download(Guid id, string sha256, HttpContext context, CaseService service, IContentStore contents)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var loaded = await service.LoadAsync(id, context.RequestAborted);
        if (loaded is null || !CaseAccess.MaySee(user, loaded.Value.Stored.Snapshot.Index.Parties)) return CaseEndpoints.CaseNotFound(id);
        // Only a file this case holds: a digest alone must not open another case's scan.
        var attachment = loaded.Value.State.Attachments.LastOrDefault(a => a.Sha256 == sha256.ToLowerInvariant());
        if (attachment is null || await contents.GetContentAsync(ContentKey(attachment.Sha256), context.RequestAborted) is not { } content)
            return Problems.Of(404, Problems.NotFound, "附件不存在 (file not found)", $"办件中没有摘要为 {sha256} 的附件");
        await Security.PersonalDownloads.LogAsync(context, loaded.Value.Stored, $"附件 {attachment.FileName}", "file:" + attachment.Sha256);
        // Personal data: no-store like every API answer (SecurityHeaders), so a window PC's disk cache keeps no ID photo;
        // the case page keeps the photo in memory instead of fetching it at every render.
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return Results.File(content.Content, attachment.ContentType, attachment.FileName, enableRangeProcessing: true);
    }

    /// <summary>Reads the body up to the limit; the server's own request-size ceiling is lifted for this endpoint only.</summary>
    private static async Task<(byte[] Bytes, bool TooLarge)> ReadLimitedAsync(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes) return ([], true);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = maxBytes + 1;
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes) return ([], true);
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), false);
    }

    /// <summary>201 around the case view, with the file's address.</summary>
    private sealed class Created(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            httpContext.Response.StatusCode = 201;
            return inner is IValueHttpResult { Value: { } value } ? Results.Json(value, statusCode: 201).ExecuteAsync(httpContext) : inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>Upload limits: <c>WORKFLOWS_MAX_UPLOAD_MB</c> (default 20 MB a file, bound in <see cref="Hosting.ServerOptions"/>).</summary>
public sealed record UploadLimits(long MaxBytes);

/// <summary>What a file is, by its first bytes: the types a service center keeps (scans as PDF or images, OFD e-documents).</summary>
public static class FileKinds
{
    public static string? Sniff(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.StartsWith("%PDF-"u8)) return "application/pdf";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        // OFD (GB/T 33190) is a zip package; only a zip named .ofd counts, not any archive.
        if (bytes.StartsWith("PK\u0003\u0004"u8) && fileName.EndsWith(".ofd", StringComparison.OrdinalIgnoreCase)) return "application/ofd";
        return null;
    }
}
