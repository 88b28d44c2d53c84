using Workflows.Server.Effects;
using Workflows.Server.Kiosk;
using Workflows.Server.Security;

namespace Workflows.Server.Hosting;

/// <summary>
/// Everything a deployment sets for <c>workflows serve</c>, typed: the command line's options and
/// the <c>WORKFLOWS_*</c> environment variables, read once by <see cref="ServerOptionsBinder"/>
/// and handed to the modules (docs/server-modules.md lists each with its default). The defaults
/// here are the documented ones, so a test that builds options directly gets a stock server.
/// </summary>
public sealed record ServerOptions(string? Definitions, string? Templates, string Data, string Urls, bool Demo, string? Plugins = null)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public const string DefaultPublicUrl = "http://127.0.0.1:5080";
    public const long DefaultMaxUploadBytes = 20 * 1024L * 1024L;

    public string PluginsFolder => Plugins ?? Path.Combine(Data, "plugins");

    /// <summary>The data folder as an absolute path (the store, keys, caches, Hangfire's SQLite file).</summary>
    public string DataFolder => Path.GetFullPath(Data);

    /// <summary>PostgreSQL connection string (<c>--postgres</c> or <c>WORKFLOWS_POSTGRES</c>); null = the SQLite file in the data folder.</summary>
    public string? Postgres { get; init; }

    /// <summary>The largest file a case accepts (<c>WORKFLOWS_MAX_UPLOAD_MB</c>, default 20 MB).</summary>
    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    /// <summary>With <see cref="Demo"/>: seed demo cases into an empty store (tests that count cases turn it off).</summary>
    public bool SeedDemoCases { get; init; } = true;

    /// <summary>The built web UI (index.html and assets); null = none, <c>/</c> then says how to build it.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Lets tests move the server's clock (never in production).</summary>
    public bool TestClock { get; init; }

    /// <summary>Sessions, sign-in limits and proxy trust (environment variables, see docs/security.md).</summary>
    public SecuritySettings Security { get; init; } = new();

    /// <summary>The deployment's overrides of office.yaml's rating-tablet settings (<c>WORKFLOWS_KIOSK_*</c>, see docs/security.md); none by default.</summary>
    public KioskSettings.Overrides Kiosk { get; init; } = KioskSettings.Overrides.None;

    /// <summary>How old a pending intent must be before the outbox sweep enqueues it again (<c>WORKFLOWS_EFFECTS_SWEEP_SECONDS</c>, default 60).</summary>
    public TimeSpan EffectsSweepAge { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The public address certificate QR codes point to (<c>WORKFLOWS_PUBLIC_URL</c>), without a trailing slash.</summary>
    public string PublicUrl { get; init; } = DefaultPublicUrl;

    /// <summary>The device agent's address for this deployment (<c>WORKFLOWS_DEVICE_AGENT</c>); null = office.yaml or the default. Checked by the Workbench module.</summary>
    public string? DeviceAgent { get; init; }

    /// <summary>Creates the <c>admin</c> account at start when there is none (<c>WORKFLOWS_ADMIN_PASSWORD</c>).</summary>
    public string? AdminPassword { get; init; }

    /// <summary>The font fallback chain (<c>WORKFLOWS_FONTS</c>, paths separated by the path separator); null = the known Debian and Windows fonts.</summary>
    public string? Fonts { get; init; }

    /// <summary>What the Effects module needs: where Hangfire keeps its jobs and the sweep's age.</summary>
    public EffectsOptions Effects => new(Postgres, DataFolder, EffectsSweepAge);
}
