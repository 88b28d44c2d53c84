using System.Text.Json.Nodes;
using Workflows.Server.Api;

namespace Workflows.Server.Tests;

/// <summary>
/// The OpenAPI document is the contract the web UI's types are generated from (scripts/gen-api.sh):
/// the operations the UI calls must name their request and response schemas, not an empty 200.
/// </summary>
public class OpenApiContractTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private JsonObject _document = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync();
        _document = await _server.GetJsonAsync("/openapi/v1.json");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private JsonObject Schemas => _document["components"]!["schemas"]!.AsObject();

    private JsonNode Operation(string path, string method) =>
        _document["paths"]![path]?[method] ?? throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path} is not in the document");

    private static string? Ref(JsonNode? content) => content?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();

    [Theory]
    [InlineData("/api/cases", "get", "200", "CaseSearchPage")]
    [InlineData("/api/cases", "post", "201", "CaseView")]
    [InlineData("/api/cases/{id}", "get", "200", "CaseView")]
    [InlineData("/api/cases/{id}/timeline", "get", "200", "CaseTimeline")]
    [InlineData("/api/cases/{id}/complete", "post", "200", "CaseView")]
    [InlineData("/api/tasks", "get", "200", "InboxPage")]
    [InlineData("/api/supervision", "get", "200", "SupervisionView")]
    [InlineData("/api/auth/login", "post", "200", "UserView")]
    [InlineData("/api/auth/session", "get", "200", "SessionView")]
    public void CaseOperations_NameTheirAnswer(string path, string method, string status, string schema)
    {
        var content = Operation(path, method)["responses"]![status]?["content"];

        Assert.Equal($"#/components/schemas/{schema}", Ref(content));
        Assert.True(Schemas.ContainsKey(schema));
    }

    /// <summary>
    /// Every operation names what it answers: each 2xx answer but 204 has content, and JSON content has a
    /// schema (a typed record), so no operation reaches the web UI's generated types as an untyped 200.
    /// Files and PDFs name their media type instead.
    /// </summary>
    [Fact]
    public void EveryOperation_NamesTheSchemaOfItsAnswer()
    {
        var untyped = new List<string>();
        foreach (var (path, operations) in _document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                var answers = operation!["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
                if (answers.Count == 0) untyped.Add($"{name}: no 2xx answer");
                foreach (var (status, answer) in answers)
                {
                    if (status == "204") continue;
                    if (answer?["content"] is not JsonObject { Count: > 0 } content) { untyped.Add($"{name} {status}: no content"); continue; }
                    foreach (var (mediaType, media) in content)
                    {
                        if (!mediaType.Contains("json", StringComparison.Ordinal)) continue;
                        if (media?["schema"] is not JsonObject { Count: > 0 } schema || schema["$ref"] is null && schema["type"] is null)
                            untyped.Add($"{name} {status}: {mediaType} without a schema");
                    }
                }
                if (operation["requestBody"]?["content"] is JsonObject body)
                {
                    foreach (var (mediaType, media) in body)
                        if (mediaType.Contains("json", StringComparison.Ordinal) && media?["schema"] is not JsonObject { Count: > 0 })
                            untyped.Add($"{name}: request {mediaType} without a schema");
                }
            }
        }
        Assert.True(untyped.Count == 0, "operations without a typed answer:\n" + string.Join("\n", untyped));
    }

    [Fact]
    public void EveryCaseCommand_DescribesItsBody()
    {
        Assert.Equal(CaseCommands.All.Select(c => c.Name).Order(), CaseRequests.ByCommand.Keys.Order());
        foreach (var command in CaseCommands.All)
        {
            var body = Operation($"/api/cases/{{id}}/{command.Name}", "post")["requestBody"]?["content"];
            Assert.Equal($"#/components/schemas/{CaseRequests.ByCommand[command.Name].Name}", Ref(body));
        }
        Assert.Equal("#/components/schemas/CreateCaseRequest", Ref(Operation("/api/cases", "post")["requestBody"]?["content"]));
    }

    [Fact]
    public void Enums_AreTheKebabCaseTextTheApiSends()
    {
        var status = Schemas["CaseStatus"]!;

        Assert.Equal("string", status["type"]!.GetValue<string>());
        var values = status["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Contains("received", values);
        Assert.Contains("in-progress", values);
    }

    /// <summary>
    /// Text that takes a few values reaches the web UI's generated types as their union (a C# enum, or
    /// [AllowedValues] on the property), so no screen keeps a stricter copy of the answer of its own.
    /// </summary>
    [Fact]
    public void TextOfAFewValues_IsDescribedAsTheirUnion()
    {
        List<string> Values(JsonNode? schema) => schema!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        JsonNode Property(string schema, string name) => Schemas[schema]!["properties"]![name]!;
        void Refers(JsonNode? property, string schema) =>
            Assert.Contains($"\"#/components/schemas/{schema}\"", property!.ToJsonString());

        Assert.Equal(["pending", "failed", "done"], Values(Schemas["EffectState"]));
        Refers(Property("CaseEffectView", "state"), "EffectState");
        Assert.Equal(["open", "overdue", "completed"], Values(Schemas["RectificationStatus"]));
        Refers(Property("RectificationRow", "status"), "RectificationStatus");
        Refers(Property("RectificationRow", "level"), "EvaluationLevel");
        Assert.Equal(["window", "back-office"], Values(Schemas["AcceptanceSetUp"]));
        Refers(Property("ItemAcceptance", "setUp"), "AcceptanceSetUp");
        Refers(Property("IssuanceWaitingRow", "deliveryMethods")["items"], "Delivery");
        Refers(Property("IssuanceDeliveredRow", "method"), "Delivery");
        Refers(Property("CaseStepView", "kind"), "StepKind");
        Assert.Equal(["user", "department"], Values(Property("OpinionPhraseView", "scope")));
        Assert.Equal(["waiting", "paired", "revoked"], Values(Property("KioskDeviceView", "status")));
        Assert.Equal(["notice", "certificate"], Values(Property("PrinterSetup", "kind")));
        Assert.Equal(["admin", "department-editor", "clerk", "reviewer", "head", "supervisor"], Values(Property("UserView", "roles")["items"]));
        Assert.Equal(Values(Property("UserView", "roles")["items"]), Values(Property("AccountRow", "roles")["items"]));
    }

    [Fact]
    public void Problems_CarryTheirStableCode()
    {
        Assert.NotNull(Schemas["ProblemDetails"]!["properties"]!["code"]);
        Assert.NotNull(Operation("/api/cases/{id}/complete", "post")["responses"]!["409"]);
    }
}
