using System.Globalization;
using Office = Workflows.Definitions.Model;

namespace Workflows.Server.Kiosk;

/// <summary>
/// The rating tablets' settings as they apply now: office.yaml's <c>kiosk:</c> section (published with
/// the definitions, so a change applies without a restart), each value overridden for one deployment by
/// its <c>WORKFLOWS_KIOSK_*</c> environment variable (docs/security.md), else the default for a service
/// centre's counter.
/// </summary>
public sealed record KioskSettings
{
    /// <summary>Digits a device PIN has at least (<c>kiosk.pin-length</c>, <c>WORKFLOWS_KIOSK_PIN_LENGTH</c>, default 6; at most 12).</summary>
    public int PinLength { get; init; } = 6;

    /// <summary>Wrong PINs in a row before leaving kiosk mode is refused for <see cref="PinLock"/> (<c>kiosk.pin-failures</c>, <c>WORKFLOWS_KIOSK_PIN_FAILURES</c>, default 5).</summary>
    public int PinFailureLimit { get; init; } = 5;

    /// <summary>How far back wrong PINs count and how long the lock lasts (<c>kiosk.pin-lock-minutes</c>, <c>WORKFLOWS_KIOSK_PIN_LOCK_MINUTES</c>, default 15).</summary>
    public TimeSpan PinLock { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a pairing code can be used (<c>kiosk.pairing-minutes</c>, <c>WORKFLOWS_KIOSK_PAIRING_MINUTES</c>, default 30: the admin walks to the counter).</summary>
    public TimeSpan PairingCodeLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A tablet's session ends this long after pairing (<c>kiosk.session-days</c>, <c>WORKFLOWS_KIOSK_SESSION_DAYS</c>, default 90); no idle end: it waits all night.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromDays(90);

    /// <summary>The deployment's overrides, read once at start: the variables that are set, as numbers.</summary>
    public sealed record Overrides(int? PinLength, int? PinFailures, double? PinLockMinutes, double? PairingMinutes, double? SessionDays)
    {
        /// <param name="read">The lookup <see cref="Hosting.ServerOptionsBinder"/> hands over (the environment).</param>
        public static Overrides FromEnvironment(Func<string, string?> read)
        {
            return new Overrides((int?)Positive(read("WORKFLOWS_KIOSK_PIN_LENGTH")), (int?)Positive(read("WORKFLOWS_KIOSK_PIN_FAILURES")),
                Positive(read("WORKFLOWS_KIOSK_PIN_LOCK_MINUTES")), Positive(read("WORKFLOWS_KIOSK_PAIRING_MINUTES")), Positive(read("WORKFLOWS_KIOSK_SESSION_DAYS")));
        }

        public static readonly Overrides None = new(null, null, null, null, null);
    }

    /// <summary>Office.yaml's values under the deployment's overrides, over the defaults.</summary>
    public static KioskSettings Resolve(Office.KioskSettings? office, Overrides overrides)
    {
        var d = new KioskSettings();
        return new KioskSettings
        {
            PinLength = Math.Min(12, overrides.PinLength ?? office?.PinLength ?? d.PinLength),
            PinFailureLimit = overrides.PinFailures ?? office?.PinFailures ?? d.PinFailureLimit,
            PinLock = TimeSpan.FromMinutes(overrides.PinLockMinutes ?? office?.PinLockMinutes ?? d.PinLock.TotalMinutes),
            PairingCodeLifetime = TimeSpan.FromMinutes(overrides.PairingMinutes ?? office?.PairingMinutes ?? d.PairingCodeLifetime.TotalMinutes),
            SessionLifetime = TimeSpan.FromDays(overrides.SessionDays ?? office?.SessionDays ?? d.SessionLifetime.TotalDays),
        };
    }

    private static double? Positive(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 1 ? value : null;
}
