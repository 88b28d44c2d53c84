using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Server.Security;
using Xunit.Abstractions;

namespace Workflows.Server.Tests;

/// <summary>
/// A bounded fuzzer over every operation of <c>/openapi/v1.json</c>, signed in as an administrator
/// (who may call everything): malformed JSON, wrong types, huge and deeply nested values, invalid
/// UTF-8, lone surrogates, wrong content types, traversal strings and unknown ids, in the body, the
/// path and the query. No answer may be a 5xx, and every 4xx must be an RFC 7807 problem with a code.
/// </summary>
public sealed class ApiFuzzTests(ITestOutputHelper output)
{
    /// <summary>The body fields the API reads, each of which gets wrong types, huge values and traversal strings.</summary>
    private static readonly string[] Fields =
    [
        "itemId", "applicant", "materials", "form", "decision", "id", "taskId", "outcome", "opinion", "message", "templateId",
        "reason", "reasons", "targetStepId", "to", "signer", "workingDays", "approver", "measures", "level", "comment", "materialIds",
        "catchUpBy", "pledgeSigned", "competentBody", "deficiencies", "delivery", "procedure", "text", "data", "mode", "model",
        "items", "userName", "password", "currentPassword", "newPassword", "starter", "name", "department", "by", "now", "sample",
    ];

    private static readonly string Huge = new('档', 60_000);
    private static readonly string[] Traversals = ["../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/etc/passwd", "\0", "CON"];

    private sealed record Attempt(string Label, Func<HttpContent?> Body);

    private static IEnumerable<Attempt> Bodies()
    {
        HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");
        HttpContent Bytes(byte[] bytes, string type)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            return content;
        }
        JsonObject All(Func<int, JsonNode?> value) => new(Fields.Select((f, i) => KeyValuePair.Create(f, value(i))));

        yield return new("no body", () => null);
        yield return new("empty object", () => Json("{}"));
        yield return new("malformed", () => Json("{\"itemId\": "));
        yield return new("array", () => Json("[1,2,3]"));
        yield return new("null", () => Json("null"));
        yield return new("wrong types: numbers", () => Json(All(i => i * 7 - 3).ToJsonString()));
        yield return new("wrong types: arrays", () => Json(All(_ => new JsonArray(1, "x", null)).ToJsonString()));
        yield return new("wrong types: objects", () => Json(All(_ => new JsonObject { ["x"] = true }).ToJsonString()));
        yield return new("wrong types: booleans", () => Json(All(i => i % 2 == 0).ToJsonString()));
        yield return new("huge strings", () => Json(All(i => i % 10 == 0 ? Huge : "短").ToJsonString()));
        yield return new("huge numbers", () => Json("{" + string.Join(",", Fields.Select(f => $"\"{f}\": 1e400")) + "}"));
        yield return new("deeply nested", () => Json("{\"form\":" + new string('[', 5000) + new string(']', 5000) + "}"));
        yield return new("nested objects", () => Json(All(_ => Nest(40)).ToJsonString()));
        yield return new("traversal strings", () => Json(All(i => Traversals[i % Traversals.Length]).ToJsonString()));
        yield return new("invalid UTF-8", () => Bytes([.. "{\"message\":\""u8, 0xFF, 0xFE, 0xC3, .. "\",\"itemId\":\"a\"}"u8], "application/json"));
        yield return new("lone surrogate", () => Json("{" + string.Join(",", Fields.Select(f => $"\"{f}\": \"\\ud800x\"")) + "}"));
        yield return new("text/plain", () => new StringContent("{\"message\":\"x\"}", Encoding.UTF8, "text/plain"));
        yield return new("form", () => new FormUrlEncodedContent([KeyValuePair.Create("message", "x")]));
        yield return new("multipart", () => new MultipartFormDataContent { { new StringContent("x"), "message" } });
        yield return new("octet-stream", () => Bytes([0, 1, 2, 3, 0xFF], "application/octet-stream"));
    }

    private static JsonNode Nest(int depth) => depth == 0 ? "底" : new JsonObject { ["a"] = Nest(depth - 1) };

    [Fact]
    public async Task No_request_to_any_operation_gets_a_5xx_and_every_4xx_is_a_problem_with_a_code()
    {
        await using var server = await RunningServer.StartAsync(demo: true, workTree: true,
            configure: o => o with { Security = new SecuritySettings { AccountFailureLimit = 100_000, AddressFailureLimit = 100_000 } });
        var admin = await server.SignInAsync("admin");
        var caseId = await KnownCaseAsync(server);
        var document = JsonNode.Parse(await server.Http.GetStringAsync("/openapi/v1.json"))!;

        var counts = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters") continue;
                operations++;
                var queries = (operation!["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query")
                    .Select(p => p!["name"]!.GetValue<string>()).ToList();
                var writes = method is "post" or "put" or "patch" or "delete";
                foreach (var target in Targets(path, caseId))
                {
                    var attempts = writes ? Bodies().ToList() : [new Attempt("no body", () => null)];
                    foreach (var attempt in attempts)
                        await SendAsync(method, target, attempt.Label, attempt.Body());
                    foreach (var query in queries)
                        foreach (var value in new[] { "abc", "-1", "99999999999999999999", Huge[..500], Traversals[0], "\u0000", "%FF%FE" })
                            await SendAsync(method, $"{target}?{query}={Uri.EscapeDataString(value)}", $"query {query}", writes ? new StringContent("{}", Encoding.UTF8, "application/json") : null);
                }
            }
        }

        async Task SendAsync(string method, string url, string label, HttpContent? content)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = content };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await admin.SendAsync(request);
            var status = (int)response.StatusCode;
            counts[status] = counts.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500) failures.Add($"{status} {method.ToUpperInvariant()} {Short(url)} [{label}]: {Short(text)}");
            else if (status >= 400)
            {
                var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? TryCode(text) : null;
                if (code is null) failures.Add($"{status} without a problem code: {method.ToUpperInvariant()} {Short(url)} [{label}]: {Short(text)}");
            }
            // Sign-out was fuzzed, or the password changed: sign in again so the rest still runs as an admin.
            if (url.StartsWith("/api/auth/")) admin = await server.SignInAsync("admin");
        }

        var total = counts.Values.Sum();
        output.WriteLine($"{operations} operations, {total} requests: " + string.Join(", ", counts.Select(c => $"{c.Key}×{c.Value}")));
        foreach (var failure in failures.Take(40)) output.WriteLine(failure);
        Assert.True(operations >= 30, $"only {operations} operations in the OpenAPI document");
        Assert.Empty(failures);
    }

    /// <summary>The path with its parameters filled in: a real case and item where the name says so, then unknown ids and traversals.</summary>
    private static IEnumerable<string> Targets(string template, string caseId)
    {
        string Fill(Func<string, string> value) =>
            System.Text.RegularExpressions.Regex.Replace(template, @"\{([^}:]+)(:[^}]*)?\}", m => value(m.Groups[1].Value));
        yield return Fill(name => name switch
        {
            "id" when template.StartsWith("/api/cases") => caseId,
            "id" => "agri-machinery-registration",
            "folder" => "notices",
            "name" => "acceptance",
            "file" => "guide",
            "sha256" => new string('a', 64),
            _ => "unknown",
        });
        yield return Fill(name => name == "id" && template.StartsWith("/api/cases") ? Guid.NewGuid().ToString() : "no-such-" + name);
        yield return Fill(name => name == "id" && template.StartsWith("/api/cases") ? Guid.Empty.ToString() : Uri.EscapeDataString(Traversals[0]));
    }

    private static async Task<string> KnownCaseAsync(RunningServer server)
    {
        using var clerk = await server.SignInAsync("clerk-comprehensive-2");
        var item = CaseApi.Definitions(server).Item("agri-machinery-registration")!;
        var (response, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return view["id"]!.GetValue<string>();
    }

    private static string? TryCode(string text)
    {
        try { return JsonNode.Parse(text)?["code"]?.GetValue<string>(); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException) { return null; }
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
