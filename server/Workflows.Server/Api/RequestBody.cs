using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflows.Server.Api;

/// <summary>Reads a JSON object body with a size limit, turning every kind of bad body into a problem response.</summary>
public static class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(JsonObject? Body, IResult? Problem)> ReadObjectAsync(HttpRequest request)
    {
        if (request.ContentLength is > MaxBytes)
            return (null, Problems.Of(413, Problems.PayloadTooLarge, "请求体过大 (request body too large)", $"最大 {MaxBytes / 1024} KB"));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return (null, Problems.Of(413, Problems.PayloadTooLarge, "请求体过大 (request body too large)", $"最大 {MaxBytes / 1024} KB"));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (new JsonObject(), null);
        // The parser checks UTF-8 only when a string is read, long after this point: check it all now.
        if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
            return (null, Problems.Of(400, Security.SecurityProblems.InvalidUtf8, "请求体不是有效的 UTF-8 (invalid UTF-8)", "JSON 请求体须以 UTF-8 编码"));
        try
        {
            if (JsonNode.Parse(buffer.ToArray()) is not JsonObject body)
                return (null, Problems.Of(400, Problems.InvalidRequest, "请求体应为 JSON 对象 (the body must be a JSON object)"));
            // A lone surrogate escape ("\ud800") parses but cannot be written out again (store, PDF, answer): refuse it here.
            _ = body.ToJsonString();
            return (body, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Of(400, Problems.MalformedJson, "请求体不是有效的 JSON (malformed JSON)", e.Message));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return (null, Problems.Of(400, Security.SecurityProblems.InvalidUtf8, "请求体含无效的 Unicode 字符 (invalid Unicode text)", e.Message));
        }
    }
}
