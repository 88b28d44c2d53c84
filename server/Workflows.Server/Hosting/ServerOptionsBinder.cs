using System.Globalization;
using Workflows.Server.Kiosk;
using Workflows.Server.Security;

namespace Workflows.Server.Hosting;

/// <summary>
/// The one place the server reads its settings from the environment (or any configuration given
/// as a lookup): <c>serve</c> binds once at start and the modules receive typed options.
/// An architecture test keeps every other file from reading the environment or the configuration.
/// A value that does not parse is ignored for the default, as it always was.
/// </summary>
public static class ServerOptionsBinder
{
    /// <summary>The process environment, as the lookup every binder method defaults to.</summary>
    public static string? FromEnvironment(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>A configuration (appsettings, environment, command line) as a lookup, keys named like the environment variables.</summary>
    public static Func<string, string?> FromConfiguration(IConfiguration configuration) => name => configuration[name];

    /// <summary>
    /// Completes what the command line gave with the environment: the command line wins
    /// (<c>--postgres</c> over <c>WORKFLOWS_POSTGRES</c>, <c>--web-root</c> over <c>WORKFLOWS_WEB_ROOT</c>).
    /// </summary>
    public static ServerOptions Bind(ServerOptions commandLine, Func<string, string?>? read = null)
    {
        read ??= FromEnvironment;
        var webRoot = commandLine.WebRoot ?? NonEmpty(read("WORKFLOWS_WEB_ROOT"));
        return commandLine with
        {
            Postgres = NonEmpty(commandLine.Postgres) ?? NonEmpty(read("WORKFLOWS_POSTGRES")),
            WebRoot = webRoot is not null ? Path.GetFullPath(webRoot) : Web.SpaHosting.DefaultWebRoot(),
            MaxUploadBytes = (int.TryParse(read("WORKFLOWS_MAX_UPLOAD_MB"), out var mb) && mb > 0 ? mb * 1024L * 1024L : ServerOptions.DefaultMaxUploadBytes),
            Security = SecuritySettings.FromEnvironment(read),
            Kiosk = KioskSettings.Overrides.FromEnvironment(read),
            EffectsSweepAge = TimeSpan.FromSeconds(int.TryParse(read("WORKFLOWS_EFFECTS_SWEEP_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s >= 0 ? s : 60),
            PublicUrl = (NonEmpty(read("WORKFLOWS_PUBLIC_URL")) ?? ServerOptions.DefaultPublicUrl).TrimEnd('/'),
            DeviceAgent = NonEmpty(read("WORKFLOWS_DEVICE_AGENT")?.Trim()),
            AdminPassword = NonEmpty(read("WORKFLOWS_ADMIN_PASSWORD")),
            Fonts = Fonts(read),
        };
    }

    /// <summary>The font chain alone, for commands that render without serving (<c>workflows render</c>).</summary>
    public static string? Fonts(Func<string, string?>? read = null) => NonEmpty((read ?? FromEnvironment)("WORKFLOWS_FONTS"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
