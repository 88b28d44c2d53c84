using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Model;
using Workflows.Domain;

namespace Workflows.Server.Tests;

/// <summary>Drives cases through the HTTP API as the demo accounts would, for the lifecycle tests.</summary>
internal static class CaseApi
{
    public const string PersonId = "230903197806123513";

    public static DefinitionSet Definitions(RunningServer server) => DefinitionLoader.Load(server.County.Definitions, null);

    public static string OrganizationId()
    {
        const string first17 = "91230903MA1C2D3E4";
        return first17 + Uscc.ComputeCheckCharacter(first17);
    }

    private static readonly Lazy<JsonObject> Samples = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "tests", "fixtures", "sample-applications.json")))!["items"]!.AsObject());

    /// <summary>
    /// A valid form for the item: the sample application of <c>tests/fixtures/sample-applications.json</c>
    /// (the server checks forms as the browser does), or plausible values for an item built in a test.
    /// </summary>
    public static JsonObject FormFor(ItemDefinition item)
    {
        if (Samples.Value[item.Id]?["form"] is JsonObject sample) return sample.DeepClone().AsObject();
        var form = new JsonObject();
        foreach (var field in item.Form?.Fields ?? []) form[field.Id] = ValueFor(field);
        return form;
    }

    private static JsonNode? ValueFor(Field field) => field.Type switch
    {
        FieldType.Number => JsonValue.Create(field.Min is { } min ? Math.Max(min, 1) : 1),
        FieldType.Date => "2026-03-02",
        FieldType.Select => field.Options.FirstOrDefault()?.Value,
        FieldType.MultiSelect => new JsonArray(field.Options.Take(1).Select(o => (JsonNode)o.Value).ToArray()),
        FieldType.Boolean => false,
        FieldType.Idcard => PersonId,
        FieldType.Uscc => OrganizationId(),
        FieldType.Phone => "13800000000",
        FieldType.Table => new JsonArray(Enumerable.Range(0, Math.Max(field.MinRows ?? 0, 1))
            .Select(_ => (JsonNode)new JsonObject(field.Columns.Select(c => KeyValuePair.Create(c.Id, ValueFor(c))))).ToArray()),
        _ => field.MaxLength is { } max && max < 8 ? "测试"[..Math.Min(2, max)] : "桃山区测试内容",
    };

    public static JsonObject Applicant(ItemDefinition item) =>
        Samples.Value[item.Id]?["applicant"] is JsonObject sample ? sample.DeepClone().AsObject()
        : item.Form?.ApplicantTypes.FirstOrDefault() == ApplicantType.Organization
            ? new JsonObject { ["type"] = "organization", ["name"] = "七台河市桃山区测试有限公司", ["idNumber"] = OrganizationId(), ["phone"] = "04648888888" }
            : new JsonObject { ["type"] = "person", ["name"] = "张建国", ["idNumber"] = PersonId, ["phone"] = "13800000000" };

    public static JsonObject NewCase(ItemDefinition item, JsonObject? decision, Func<Material, string>? status = null) => new()
    {
        ["itemId"] = item.Id,
        ["applicant"] = Applicant(item),
        ["form"] = FormFor(item),
        ["materials"] = new JsonArray(item.Materials.Select(m => (JsonNode)new JsonObject
        {
            ["materialId"] = m.Id,
            ["status"] = status?.Invoke(m) ?? "received",
        }).ToArray()),
        ["decision"] = decision,
    };

    /// <summary>The demo account that fits an assignee: the window's clerk or the department's role.</summary>
    public static string AccountFor(JsonNode assignee) =>
        assignee["window"]?.GetValue<string>() is { } window
            ? "clerk-" + window
            : $"{assignee["department"]!.GetValue<string>()}-{assignee["role"]?.GetValue<string>() ?? "reviewer"}";

    public static async Task<(HttpResponseMessage Response, JsonObject Body)> PostAsync(HttpClient client, string path, JsonObject body, string? key = null, long? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        if (ifMatch is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }

    public static JsonArray ActiveTasks(JsonObject view) =>
        new(view["case"]!["tasks"]!.AsArray().Where(t => t!["state"]!.GetValue<string>() is "open" or "claimed").Select(t => t!.DeepClone()).ToArray());
}
