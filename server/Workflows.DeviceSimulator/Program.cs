using Workflows.DeviceSimulator;

// The device agent simulator: answers the browser's device protocol (docs/devices.md) on
// ws://127.0.0.1:<port>/ with sample data, as a clerk PC's agent does with real readers and cameras.
SimulatorOptions options;
try { options = SimulatorOptions.Parse(args); }
catch (Exception e) when (e is ArgumentException or IOException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Workflows", LogLevel.Information);
// Loopback only: the agent serves the browser on this PC, never the network.
builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
var app = builder.Build();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
app.Map("/", async (HttpContext context, ILoggerFactory loggers) =>
{
    if (!context.WebSockets.IsWebSocketRequest)
        return Results.Text($"Workflows 设备模拟器：请用 WebSocket 连接 ws://127.0.0.1:{options.Port}/ (device simulator; connect over WebSocket)\n", "text/plain; charset=utf-8");
    // A page from another site must not read the ID card: only the configured origin may connect.
    if (options.Origin is { } allowed && !string.Equals(context.Request.Headers.Origin.ToString().TrimEnd('/'), allowed, StringComparison.OrdinalIgnoreCase))
        return Results.Text("来源不允许 (origin not allowed)", statusCode: 403);
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    await new AgentSession(socket, options, loggers.CreateLogger("Workflows.DeviceSimulator")).RunAsync(context.RequestAborted);
    return Results.Empty;
});
await app.StartAsync();
// The line the tests (and a person) wait for: the agent is listening.
Console.WriteLine($"设备模拟器已启动 ws://127.0.0.1:{options.Port}/ (device simulator listening); 打印任务保存到 {options.JobsFolder}");
await app.WaitForShutdownAsync();
return 0;
