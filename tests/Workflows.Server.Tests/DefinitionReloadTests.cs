using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

public class DefinitionReloadTests
{
    [Fact]
    public async Task BrokenFileSaved_ServerKeepsServingTheLastGoodVersion_AndReportsTheError()
    {
        await using var server = await RunningServer.StartAsync();
        var before = await server.GetJsonAsync("/api/definitions/status");

        server.County.Replace("items/water-permit/workflow.yaml", "kind: parallel", "kind: paralel");
        var status = await WaitForAsync(server, s => s["last-attempt-failed"]!.GetValue<bool>());

        Assert.Equal(before["version"]!.GetValue<string>(), status["version"]!.GetValue<string>());
        Assert.Contains(status["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "WF1006" && d["file"]!.GetValue<string>().EndsWith("workflow.yaml"));
        var items = await server.GetJsonAsync("/api/items");
        Assert.Contains(items["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == "water-permit");
    }

    [Fact]
    public async Task ValidChangeSaved_IsServedAfterReload_WithANewVersion()
    {
        await using var server = await RunningServer.StartAsync();
        var before = await server.GetJsonAsync("/api/definitions/status");

        server.County.Replace("items/teacher-qualification/guide.yaml", "  promised: 15wd", "  promised: 9wd");
        var status = await WaitForAsync(server, s => s["version"]!.GetValue<string>() != before["version"]!.GetValue<string>());
        var item = await server.GetJsonAsync("/api/items/teacher-qualification");

        Assert.False(status["last-attempt-failed"]!.GetValue<bool>());
        Assert.Equal("9wd", item["guide"]!["limits"]!["promised"]!.GetValue<string>());
    }

    private static async Task<JsonObject> WaitForAsync(RunningServer server, Func<JsonObject, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var status = await server.GetJsonAsync("/api/definitions/status");
            if (condition(status)) return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("definitions did not reload: " + status.ToJsonString());
            await Task.Delay(100);
        }
    }
}
