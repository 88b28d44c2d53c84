using System.Globalization;

namespace Workflows.Server.Security;

/// <summary>
/// The deployment's security settings, from environment variables (documented in docs/security.md)
/// so an operator sets them next to the connection string, with defaults that suit a service
/// centre's working day.
/// </summary>
public sealed record SecuritySettings
{
    /// <summary>A session unused this long ends (<c>WORKFLOWS_SESSION_IDLE_MINUTES</c>, default 60).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>A session ends this long after sign-in however busy (<c>WORKFLOWS_SESSION_MAX_HOURS</c>, default 10: one working day).</summary>
    public TimeSpan AbsoluteLifetime { get; init; } = TimeSpan.FromHours(10);

    /// <summary>
    /// Trust <c>X-Forwarded-For</c>/<c>-Proto</c> from a reverse proxy (<c>WORKFLOWS_TRUST_PROXY=true</c>): the
    /// client's address for lockouts and the audit, HTTPS for the Secure cookie flag. Only behind a proxy that
    /// overwrites these headers; otherwise a client could claim any address.
    /// </summary>
    public bool TrustForwardedHeaders { get; init; }

    /// <summary>Mark the session cookie Secure even on plain HTTP requests (<c>WORKFLOWS_SECURE_COOKIES=true</c>); otherwise it is Secure exactly when the request came over TLS.</summary>
    public bool AlwaysSecureCookies { get; init; }

    /// <summary>Failed sign-ins for one account (or <see cref="AddressFailureLimit"/> from one address) within <see cref="FailureWindow"/> before sign-in is refused (<c>WORKFLOWS_SIGNIN_FAILURES</c>, default 5).</summary>
    public int AccountFailureLimit { get; init; } = 5;

    /// <summary>Failed sign-ins from one address (any account names) before it is refused (<c>WORKFLOWS_SIGNIN_ADDRESS_FAILURES</c>, default 20: a service centre's clerks share one NAT address).</summary>
    public int AddressFailureLimit { get; init; } = 20;

    /// <summary>How far back failures count, and how long a lock lasts (<c>WORKFLOWS_SIGNIN_LOCK_MINUTES</c>, default 15).</summary>
    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a node trusts its cached view of a session before asking the store again (revocation reaches other nodes within this).</summary>
    public TimeSpan SessionCheckCache { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Real time for sessions and sign-in limits: the movable case clock of test servers must not end sessions.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Parsed from the lookup <see cref="Hosting.ServerOptionsBinder"/> hands over (the environment); a bad value keeps the default.</summary>
    public static SecuritySettings FromEnvironment(Func<string, string?> read)
    {
        var defaults = new SecuritySettings();
        return new SecuritySettings
        {
            IdleTimeout = Positive(read("WORKFLOWS_SESSION_IDLE_MINUTES")) is { } idle ? TimeSpan.FromMinutes(idle) : defaults.IdleTimeout,
            AbsoluteLifetime = Positive(read("WORKFLOWS_SESSION_MAX_HOURS")) is { } max ? TimeSpan.FromHours(max) : defaults.AbsoluteLifetime,
            TrustForwardedHeaders = IsTrue(read("WORKFLOWS_TRUST_PROXY")),
            AlwaysSecureCookies = IsTrue(read("WORKFLOWS_SECURE_COOKIES")),
            AccountFailureLimit = (int?)Positive(read("WORKFLOWS_SIGNIN_FAILURES")) ?? defaults.AccountFailureLimit,
            AddressFailureLimit = (int?)Positive(read("WORKFLOWS_SIGNIN_ADDRESS_FAILURES")) ?? defaults.AddressFailureLimit,
            FailureWindow = Positive(read("WORKFLOWS_SIGNIN_LOCK_MINUTES")) is { } minutes ? TimeSpan.FromMinutes(minutes) : defaults.FailureWindow,
        };
    }

    private static double? Positive(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private static bool IsTrue(string? text) => text is not null && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");
}
