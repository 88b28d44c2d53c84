namespace Workflows.Storage;

/// <summary>
/// Rating tablets (好差评评价器) paired with a window, and each window's current case: the case the
/// clerk there last finished or pushed to the tablet. Shared by every node; the tables are created
/// on first use by the store itself.
/// </summary>
public interface IKioskStore
{
    /// <summary>Inserts or replaces the device with this id.</summary>
    Task SaveKioskDeviceAsync(KioskDevice device, CancellationToken cancellationToken = default);

    Task<KioskDevice?> FindKioskDeviceAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every device, revoked ones too (the admin's list shows them), newest first.</summary>
    Task<IReadOnlyList<KioskDevice>> ListKioskDevicesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Uses up a pairing code in one step: the live, unexpired device holding it, which no longer holds it
    /// afterwards (two tablets racing for one code: one wins). Null when no device holds it.
    /// </summary>
    Task<KioskDevice?> ClaimPairingCodeAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Sets the window's current case unless a later one is already set (two nodes racing keep the newest).</summary>
    Task SetWindowCaseAsync(WindowCase windowCase, CancellationToken cancellationToken = default);

    Task<WindowCase?> FindWindowCaseAsync(string window, CancellationToken cancellationToken = default);
}

/// <summary>
/// A paired tablet. The PIN and the pairing code are stored hashed; a pairing code is one-time and
/// short-lived (<paramref name="PairingCodeExpiresAt"/>).
/// </summary>
public sealed record KioskDevice(string Id, string Name, string Window, string PinHash, DateTimeOffset CreatedAt, string CreatedBy,
    string? PairingCodeHash = null, DateTimeOffset? PairingCodeExpiresAt = null, DateTimeOffset? PairedAt = null,
    DateTimeOffset? RevokedAt = null, string? RevokedBy = null);

/// <summary>The case a window's tablets show: set when the clerk there finishes a case or pushes one.</summary>
public sealed record WindowCase(string Window, Guid CaseId, DateTimeOffset At, string By);
