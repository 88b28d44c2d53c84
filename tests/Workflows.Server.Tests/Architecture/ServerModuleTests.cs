using System.Text.RegularExpressions;

namespace Workflows.Server.Tests.Architecture;

/// <summary>
/// The server is feature modules around a thin host (docs/server-modules.md): <c>serve</c> only
/// composes them, settings are read in one place, and China time has one home in the domain.
/// </summary>
public sealed partial class ServerModuleTests
{
    private static readonly string ServerSources = Path.Combine(Repo.Root, "server");
    private static readonly string ServeCommand = Path.Combine(ServerSources, "Workflows.Server", "Cli", "ServeCommand.cs");
    private static readonly string Binder = Path.Combine(ServerSources, "Workflows.Server", "Hosting", "ServerOptionsBinder.cs");

    [Fact]
    public void ServeCommand_MapsNoEndpointAndReadsNoSetting()
    {
        var text = File.ReadAllText(ServeCommand);

        Assert.DoesNotMatch(EndpointMapping(), text);
        Assert.DoesNotContain("GetEnvironmentVariable", text);
        Assert.DoesNotMatch(SettingRead(), text);
        // Still the composition root: it composes the modules it names.
        Assert.Contains(".MapCases()", text);
        Assert.Contains("ServerOptionsBinder.Bind(", text);
    }

    [Fact]
    public void Settings_AreReadOnlyInTheOptionsBinder()
    {
        var readers = SourceFiles()
            .Where(file => CodeLines(file).Any(line => SettingRead().IsMatch(line)))
            .Select(file => Path.GetRelativePath(ServerSources, file))
            .ToList();

        Assert.Equal([Path.GetRelativePath(ServerSources, Binder)], readers);
    }

    [Fact]
    public void ChinaTime_HasOneHomeInTheDomain()
    {
        var home = Path.Combine(ServerSources, "Workflows.Domain", "ChinaTime.cs");
        var offenders = SourceFiles()
            .Where(file => file != home)
            .SelectMany(file => CodeLines(file).Where(line => HardCodedChinaOffset().IsMatch(line)).Select(line => $"{Path.GetRelativePath(ServerSources, file)}: {line.Trim()}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryEnvironmentVariableTheServerReads_IsInTheModulesDocument()
    {
        var documented = File.ReadAllText(Path.Combine(Repo.Root, "docs", "server-modules.md"));
        var names = SourceFiles()
            .Where(file => file.Contains($"{Path.DirectorySeparatorChar}Workflows.Server{Path.DirectorySeparatorChar}"))
            .SelectMany(file => VariableName().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Where(name => !name.StartsWith("WORKFLOWS_TEST_", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Contains("WORKFLOWS_POSTGRES", names);
        Assert.Empty(names.Where(name => !documented.Contains($"`{name}`")).Order());
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(ServerSources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    /// <summary>The file's lines without comments (doc comments may show an example instant).</summary>
    private static IEnumerable<string> CodeLines(string file) =>
        File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal));

    [GeneratedRegex(@"\bMap(Get|Post|Put|Delete|Patch|Methods)\s*\(")]
    private static partial Regex EndpointMapping();

    [GeneratedRegex(@"\bGetEnvironmentVariables?\b|\bIConfiguration\b|[Cc]onfiguration\s*\[|\.GetSection\s*\(|\.Configuration\b")]
    private static partial Regex SettingRead();

    [GeneratedRegex(@"FromHours\(\s*8(\.0)?\s*\)|new\s+TimeSpan\(\s*8\s*,|\+08:?00")]
    private static partial Regex HardCodedChinaOffset();

    [GeneratedRegex(@"""(WORKFLOWS_[A-Z_]+)""")]
    private static partial Regex VariableName();
}

/// <summary>The binder keeps every variable's name and default (scripts, tests and docs use them).</summary>
public sealed class ServerOptionsBinderTests
{
    private static readonly Hosting.ServerOptions CommandLine = new(null, null, "data", Hosting.ServerOptions.DefaultUrls, Demo: false);

    [Fact]
    public void NothingSet_GivesTheDocumentedDefaults()
    {
        var options = Hosting.ServerOptionsBinder.Bind(CommandLine, _ => null);

        Assert.Null(options.Postgres);
        Assert.Equal(20 * 1024 * 1024, options.MaxUploadBytes);
        Assert.Equal(TimeSpan.FromSeconds(60), options.EffectsSweepAge);
        Assert.Equal("http://127.0.0.1:5080", options.PublicUrl);
        Assert.Null(options.DeviceAgent);
        Assert.Null(options.AdminPassword);
        Assert.Null(options.Fonts);
        Assert.Equal(new Security.SecuritySettings(), options.Security);
        Assert.Equal(Kiosk.KioskSettings.Overrides.None, options.Kiosk);
    }

    [Fact]
    public void EachVariable_SetsItsOption()
    {
        var environment = new Dictionary<string, string>
        {
            ["WORKFLOWS_POSTGRES"] = "Host=db;Database=w",
            ["WORKFLOWS_WEB_ROOT"] = "/srv/ui",
            ["WORKFLOWS_MAX_UPLOAD_MB"] = "5",
            ["WORKFLOWS_EFFECTS_SWEEP_SECONDS"] = "7",
            ["WORKFLOWS_PUBLIC_URL"] = "https://zwfw.example.gov.cn/",
            ["WORKFLOWS_DEVICE_AGENT"] = " ws://127.0.0.1:18000 ",
            ["WORKFLOWS_ADMIN_PASSWORD"] = "初始密码-2026",
            ["WORKFLOWS_FONTS"] = "/fonts/song.ttf",
            ["WORKFLOWS_SESSION_IDLE_MINUTES"] = "30",
            ["WORKFLOWS_SESSION_MAX_HOURS"] = "4",
            ["WORKFLOWS_TRUST_PROXY"] = "true",
            ["WORKFLOWS_SECURE_COOKIES"] = "1",
            ["WORKFLOWS_SIGNIN_FAILURES"] = "3",
            ["WORKFLOWS_SIGNIN_ADDRESS_FAILURES"] = "9",
            ["WORKFLOWS_SIGNIN_LOCK_MINUTES"] = "2",
            ["WORKFLOWS_KIOSK_PIN_LENGTH"] = "8",
            ["WORKFLOWS_KIOSK_PIN_FAILURES"] = "4",
            ["WORKFLOWS_KIOSK_PIN_LOCK_MINUTES"] = "10",
            ["WORKFLOWS_KIOSK_PAIRING_MINUTES"] = "20",
            ["WORKFLOWS_KIOSK_SESSION_DAYS"] = "30",
        };

        var options = Hosting.ServerOptionsBinder.Bind(CommandLine, name => environment.GetValueOrDefault(name));

        Assert.Equal("Host=db;Database=w", options.Postgres);
        Assert.Equal(Path.GetFullPath("/srv/ui"), options.WebRoot);
        Assert.Equal(5 * 1024 * 1024, options.MaxUploadBytes);
        Assert.Equal(TimeSpan.FromSeconds(7), options.EffectsSweepAge);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Effects.SweepAge);
        Assert.Equal("https://zwfw.example.gov.cn", options.PublicUrl);
        Assert.Equal("ws://127.0.0.1:18000", options.DeviceAgent);
        Assert.Equal("初始密码-2026", options.AdminPassword);
        Assert.Equal("/fonts/song.ttf", options.Fonts);
        Assert.Equal(new Security.SecuritySettings
        {
            IdleTimeout = TimeSpan.FromMinutes(30), AbsoluteLifetime = TimeSpan.FromHours(4), TrustForwardedHeaders = true, AlwaysSecureCookies = true,
            AccountFailureLimit = 3, AddressFailureLimit = 9, FailureWindow = TimeSpan.FromMinutes(2),
        }, options.Security);
        Assert.Equal(new Kiosk.KioskSettings.Overrides(8, 4, 10, 20, 30), options.Kiosk);
    }

    [Fact]
    public void TheCommandLine_WinsOverTheEnvironment_AndBadNumbersKeepTheDefault()
    {
        var environment = new Dictionary<string, string>
        {
            ["WORKFLOWS_POSTGRES"] = "Host=env", ["WORKFLOWS_WEB_ROOT"] = "/env/ui",
            ["WORKFLOWS_MAX_UPLOAD_MB"] = "zwanzig", ["WORKFLOWS_EFFECTS_SWEEP_SECONDS"] = "-1", ["WORKFLOWS_SESSION_IDLE_MINUTES"] = "0",
        };

        var options = Hosting.ServerOptionsBinder.Bind(CommandLine with { Postgres = "Host=cli", WebRoot = "/cli/ui" }, name => environment.GetValueOrDefault(name));

        Assert.Equal("Host=cli", options.Postgres);
        Assert.Equal(Path.GetFullPath("/cli/ui"), options.WebRoot);
        Assert.Equal(20 * 1024 * 1024, options.MaxUploadBytes);
        Assert.Equal(TimeSpan.FromSeconds(60), options.EffectsSweepAge);
        Assert.Equal(TimeSpan.FromMinutes(60), options.Security.IdleTimeout);
    }
}
