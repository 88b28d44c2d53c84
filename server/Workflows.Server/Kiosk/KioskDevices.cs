using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Workflows.Server.Auth;
using Workflows.Server.Hosting;
using Workflows.Server.Security;
using Workflows.Storage;

namespace Workflows.Server.Kiosk;

/// <summary>
/// Rating tablets (好差评评价器): an admin creates a device for a window with a PIN and gets a one-time
/// pairing code; the tablet trades the code for a device session (server-side, in the sessions table
/// under the name <c>kiosk:{id}</c>, so revoking the device ends it on every node); leaving kiosk mode
/// needs the PIN, with a lock after repeated wrong PINs counted from the security log.
/// </summary>
public sealed class KioskDevices(IKioskStore store, ISecurityStore sessions, KioskSettings.Overrides overrides, DefinitionCatalog catalog, SecuritySettings security, SecurityLog log)
{
    /// <summary>The role of a device session: it may read its window's current case and rate it, nothing else.</summary>
    public const string Role = "kiosk";
    public const string DeviceClaim = "workflows:kiosk-device";

    private readonly ConcurrentDictionary<string, (StoredSession Session, DateTimeOffset CheckedAt)> _cache = new();

    /// <summary>The settings now: office.yaml's <c>kiosk:</c> of the current definitions under the deployment's overrides.</summary>
    public KioskSettings Settings => KioskSettings.Resolve(catalog.Current?.Set.Office?.Kiosk, overrides);

    private DateTimeOffset Now => security.Time.GetUtcNow();

    public static string UserNameOf(string deviceId) => "kiosk:" + deviceId;

    public static string? DeviceOf(ClaimsPrincipal? principal) => principal?.FindFirst(DeviceClaim)?.Value;

    /// <summary>Why the PIN is not acceptable, or null: digits only, <see cref="KioskSettings.PinLength"/> to 12 of them.</summary>
    public string? PinProblem(string? pin) =>
        pin is null || pin.Length < Settings.PinLength || pin.Length > 12 || !pin.All(char.IsAsciiDigit)
            ? $"PIN 应为 {Settings.PinLength}–12 位数字 (the PIN is {Settings.PinLength} to 12 digits)" : null;

    public async Task<(KioskDevice Device, string Code)> CreateAsync(string name, string window, string pin, string by, CancellationToken ct)
    {
        var code = NewCode();
        var device = new KioskDevice("kd-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), name, window, PasswordHasher.Hash(pin),
            Now, by, Hash(code), Now + Settings.PairingCodeLifetime);
        await store.SaveKioskDeviceAsync(device, ct);
        return (device, code);
    }

    /// <summary>A fresh one-time code for a live device (the old one stops working); null when there is no such live device.</summary>
    public async Task<(KioskDevice Device, string Code)?> NewPairingCodeAsync(string id, CancellationToken ct)
    {
        if (await store.FindKioskDeviceAsync(id, ct) is not { RevokedAt: null } device) return null;
        var code = NewCode();
        device = device with { PairingCodeHash = Hash(code), PairingCodeExpiresAt = Now + Settings.PairingCodeLifetime };
        await store.SaveKioskDeviceAsync(device, ct);
        return (device, code);
    }

    public async Task<KioskDevice?> SetPinAsync(string id, string pin, CancellationToken ct)
    {
        if (await store.FindKioskDeviceAsync(id, ct) is not { RevokedAt: null } device) return null;
        device = device with { PinHash = PasswordHasher.Hash(pin) };
        await store.SaveKioskDeviceAsync(device, ct);
        return device;
    }

    /// <summary>Unpairs the device: its code stops working and its sessions end on every node.</summary>
    public async Task<KioskDevice?> RevokeAsync(string id, string by, CancellationToken ct)
    {
        if (await store.FindKioskDeviceAsync(id, ct) is not { } device) return null;
        if (device.RevokedAt is null)
        {
            device = device with { RevokedAt = Now, RevokedBy = by, PairingCodeHash = null, PairingCodeExpiresAt = null };
            await store.SaveKioskDeviceAsync(device, ct);
        }
        await sessions.RevokeSessionsOfAsync(UserNameOf(id), Now, ct);
        foreach (var (key, value) in _cache) if (value.Session.UserName == UserNameOf(id)) _cache.TryRemove(key, out _);
        return device;
    }

    public Task<IReadOnlyList<KioskDevice>> ListAsync(CancellationToken ct) => store.ListKioskDevicesAsync(ct);

    public Task<KioskDevice?> FindAsync(string id, CancellationToken ct) => store.FindKioskDeviceAsync(id, ct);

    /// <summary>Uses up the code: the device it pairs, or null (wrong, used or expired code).</summary>
    public async Task<KioskDevice?> PairAsync(string code, CancellationToken ct)
    {
        var digits = new string(code.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 8 ? await store.ClaimPairingCodeAsync(Hash(digits), Now, ct) : null;
    }

    /// <summary>A device session and the cookie principal that carries it.</summary>
    public async Task<ClaimsPrincipal> StartSessionAsync(KioskDevice device, string address, CancellationToken ct)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        await sessions.CreateSessionAsync(new StoredSession(id, UserNameOf(device.Id), Now, Now, Address: address), ct);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, UserNameOf(device.Id)), new(CurrentUser.DisplayNameClaim, device.Name), new(ClaimTypes.Role, Role),
            new(CurrentUser.WindowClaim, device.Window), new(DeviceClaim, device.Id), new(Sessions.SessionClaim, id),
        };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Whether the device session still counts: not ended, not revoked, within its lifetime (no idle end).</summary>
    public async Task<bool> IsLiveAsync(string? sessionId, string deviceId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(sessionId)) return false;
        var now = Now;
        StoredSession? session;
        if (_cache.TryGetValue(sessionId, out var cached) && now - cached.CheckedAt < security.SessionCheckCache) session = cached.Session;
        else
        {
            session = await sessions.FindSessionAsync(sessionId, ct);
            if (session is null) { _cache.TryRemove(sessionId, out _); return false; }
            _cache[sessionId] = (session, now);
        }
        return session.RevokedAt is null && session.UserName == UserNameOf(deviceId) && now - session.CreatedAt < Settings.SessionLifetime;
    }

    public async Task EndSessionAsync(string sessionId, CancellationToken ct)
    {
        await sessions.RevokeSessionAsync(sessionId, Now, ct);
        _cache.TryRemove(sessionId, out _);
    }

    public bool PinMatches(KioskDevice device, string pin) => PasswordHasher.Verify(pin, device.PinHash);

    /// <summary>Until when leaving kiosk mode is refused: wrong PINs since the last exit or pairing reached the limit within the lock time.</summary>
    public async Task<DateTimeOffset?> PinLockedUntilAsync(string deviceId, CancellationToken ct)
    {
        var settings = Settings;
        var events = await sessions.ReadSecurityEventsAsync(Now - settings.PinLock, userName: UserNameOf(deviceId), take: 200, cancellationToken: ct);
        var failures = events.TakeWhile(e => e.Kind is not (SecurityLog.KioskExited or SecurityLog.KioskPaired))
            .Where(e => e.Kind == SecurityLog.KioskPinFailed).ToList();
        return failures.Count >= settings.PinFailureLimit ? failures[settings.PinFailureLimit - 1].At + settings.PinLock : null;
    }

    /// <summary>The window's current case, and the clerk's push or finish that set it.</summary>
    public Task<WindowCase?> CurrentCaseAsync(string window, CancellationToken ct) => store.FindWindowCaseAsync(window, ct);

    public Task SetCurrentCaseAsync(string window, Guid caseId, string by, CancellationToken ct) =>
        store.SetWindowCaseAsync(new WindowCase(window, caseId, Now, by), ct);

    private static string NewCode() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
