using System.Globalization;

namespace Workflows.Server.Kiosk;

/// <summary>
/// The rating tablets' settings, from environment variables next to the other security settings
/// (documented in docs/security.md), with defaults for a service centre's counter.
/// </summary>
public sealed record KioskSettings
{
    /// <summary>Digits a device PIN has at least (<c>WORKFLOWS_KIOSK_PIN_LENGTH</c>, default 6; at most 12).</summary>
    public int PinLength { get; init; } = 6;

    /// <summary>Wrong PINs in a row before leaving kiosk mode is refused for <see cref="PinLock"/> (<c>WORKFLOWS_KIOSK_PIN_FAILURES</c>, default 5).</summary>
    public int PinFailureLimit { get; init; } = 5;

    /// <summary>How far back wrong PINs count and how long the lock lasts (<c>WORKFLOWS_KIOSK_PIN_LOCK_MINUTES</c>, default 15).</summary>
    public TimeSpan PinLock { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a pairing code can be used (<c>WORKFLOWS_KIOSK_PAIRING_MINUTES</c>, default 30: the admin walks to the counter).</summary>
    public TimeSpan PairingCodeLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A tablet's session ends this long after pairing (<c>WORKFLOWS_KIOSK_SESSION_DAYS</c>, default 90); no idle end: it waits all night.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Parsed from the lookup <see cref="Hosting.ServerOptionsBinder"/> hands over (the environment); a bad value keeps the default.</summary>
    public static KioskSettings FromEnvironment(Func<string, string?> read)
    {
        var d = new KioskSettings();
        return new KioskSettings
        {
            PinLength = Math.Min(12, (int?)Positive(read("WORKFLOWS_KIOSK_PIN_LENGTH")) ?? d.PinLength),
            PinFailureLimit = (int?)Positive(read("WORKFLOWS_KIOSK_PIN_FAILURES")) ?? d.PinFailureLimit,
            PinLock = Positive(read("WORKFLOWS_KIOSK_PIN_LOCK_MINUTES")) is { } m ? TimeSpan.FromMinutes(m) : d.PinLock,
            PairingCodeLifetime = Positive(read("WORKFLOWS_KIOSK_PAIRING_MINUTES")) is { } p ? TimeSpan.FromMinutes(p) : d.PairingCodeLifetime,
            SessionLifetime = Positive(read("WORKFLOWS_KIOSK_SESSION_DAYS")) is { } days ? TimeSpan.FromDays(days) : d.SessionLifetime,
        };
    }

    private static double? Positive(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 1 ? value : null;
}
