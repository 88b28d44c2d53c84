using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>The designer API as its tests call it: a JSON request (with If-Match when saving), the answer as status and body.</summary>
internal static class DesignerHttp
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpClient client, HttpMethod method, string path, JsonObject? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>The body of an answer that must have <paramref name="expected"/> status (the body is in the message when not).</summary>
    public static async Task<JsonObject> OkAsync(Task<(HttpStatusCode Status, JsonObject Body)> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body) = await call;
        Assert.True(status == expected, $"expected {(int)expected}, got {(int)status}: {body.ToJsonString()}");
        return body;
    }
}
