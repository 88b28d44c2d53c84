using Workflows.Definitions.Model;
using Workflows.Definitions.Validation;
using Workflows.Server.Hosting;

namespace Workflows.Server.Workbench;

/// <summary>
/// Where the web UI finds the device agent on the clerk's PC and which printer presets it offers
/// (docs/devices.md). office.yaml's <c>devices:</c> section, with <c>WORKFLOWS_DEVICE_AGENT</c>
/// overriding the agent address for one deployment (a different port on the clerk PCs, a test run).
/// </summary>
public sealed class DeviceAgentSettings(DefinitionCatalog catalog, string? agentOverride)
{
    public const string DefaultAgent = "ws://127.0.0.1:17380";
    public const string EnvironmentVariable = "WORKFLOWS_DEVICE_AGENT";

    /// <param name="configured">The deployment's override (<see cref="ServerOptions.DeviceAgent"/>), checked here: only a loopback ws:// address counts.</param>
    public static DeviceAgentSettings From(DefinitionCatalog catalog, string? configured, ILogger logger)
    {
        var value = configured?.Trim();
        if (string.IsNullOrEmpty(value)) return new DeviceAgentSettings(catalog, null);
        if (OfficeRules.IsLoopbackAgent(value)) return new DeviceAgentSettings(catalog, value);
        logger.LogWarning("{Variable}={Value} 不是本机 ws:// 地址，已忽略 (not a loopback ws:// URL; ignored)", EnvironmentVariable, value);
        return new DeviceAgentSettings(catalog, null);
    }

    private DeviceSettings? Office => catalog.Current?.Set.Office?.Devices;

    /// <summary>The agent's URL: the override, office.yaml (when valid) or the default.</summary>
    public string Agent => agentOverride ?? (Office?.Agent is { } configured && OfficeRules.IsLoopbackAgent(configured) ? configured : DefaultAgent);

    /// <summary>The agent's origin as a CSP source (<c>ws://127.0.0.1:17380</c>): the page may connect there and nowhere else.</summary>
    public string Origin => new Uri(Agent).GetLeftPart(UriPartial.Authority);

    /// <summary>The presets, or one notice and one certificate printer when office.yaml names none.</summary>
    public IReadOnlyList<PrinterPreset> Printers => Office?.Printers is { Count: > 0 } presets ? presets :
    [
        new PrinterPreset { Id = "notice", Name = "通知书打印机", Kind = PrinterKind.Notice, Printer = "通知书打印机" },
        new PrinterPreset { Id = "certificate", Name = "证照打印机（套打）", Kind = PrinterKind.Certificate, Printer = "证照打印机" },
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/devices", (DeviceAgentSettings settings) => TypedResults.Ok(new DeviceSetup(
                settings.Agent,
                1,
                settings.Printers.Select(p => new PrinterSetup(
                    p.Id, p.Name, p.Kind == PrinterKind.Certificate ? "certificate" : "notice", p.Printer, p.OffsetX ?? 0, p.OffsetY ?? 0)).ToList())))
            .RequireAuthorization().WithTags("窗口设备 devices")
            .WithSummary("窗口设备：本机设备代理地址与打印预设 (the device agent's address and printer presets)");
    }
}

/// <param name="Agent">The device agent's loopback ws:// address.</param>
/// <param name="Protocol">The agent protocol's version.</param>
public sealed record DeviceSetup(string Agent, int Protocol, IReadOnlyList<PrinterSetup> Printers);

/// <param name="Kind">notice or certificate.</param>
public sealed record PrinterSetup(string Id, string Name,
    [property: System.ComponentModel.DataAnnotations.AllowedValues("notice", "certificate")] string Kind, string Printer, double OffsetX, double OffsetY);
