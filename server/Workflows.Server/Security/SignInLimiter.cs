using Workflows.Storage;

namespace Workflows.Server.Security;

/// <summary>
/// Lockout after failed sign-ins, per account and per address, counted from the shared security log
/// so every node sees the same count. An account's count restarts at its last successful sign-in;
/// an address's does not (one valid account must not clear the way for guessing others). A lock
/// lifts by itself once the failures are older than <see cref="SecuritySettings.FailureWindow"/>.
/// </summary>
public sealed class SignInLimiter(ISecurityStore store, SecuritySettings settings)
{
    public sealed record Lock(string Scope, string Subject, int Failures, DateTimeOffset Until);

    /// <summary>The lock on this account or address, if any.</summary>
    public async Task<Lock?> FindLockAsync(string userName, string address, CancellationToken ct)
    {
        var since = settings.Time.GetUtcNow() - settings.FailureWindow;
        var account = AccountFailures(await store.ReadSecurityEventsAsync(since, userName: userName, take: 500, cancellationToken: ct));
        if (account.Count >= settings.AccountFailureLimit) return new Lock("account", userName, account.Count, Until(account, settings.AccountFailureLimit));
        var fromAddress = (await store.ReadSecurityEventsAsync(since, address: address, take: 500, cancellationToken: ct))
            .Where(e => e.Kind == SecurityLog.SignInFailed).ToList();
        if (fromAddress.Count >= settings.AddressFailureLimit) return new Lock("address", address, fromAddress.Count, Until(fromAddress, settings.AddressFailureLimit));
        return null;
    }

    /// <summary>Whether the failure just logged made the account or the address reach its limit (to log the lock once).</summary>
    public async Task<Lock?> JustLockedAsync(string userName, string address, CancellationToken ct)
    {
        var found = await FindLockAsync(userName, address, ct);
        return found is not null && found.Failures == (found.Scope == "account" ? settings.AccountFailureLimit : settings.AddressFailureLimit) ? found : null;
    }

    /// <summary>Every account and address locked now, for admins.</summary>
    public async Task<IReadOnlyList<Lock>> ListLocksAsync(CancellationToken ct)
    {
        var since = settings.Time.GetUtcNow() - settings.FailureWindow;
        var events = await store.ReadSecurityEventsAsync(since, take: 10_000, cancellationToken: ct);
        var locks = new List<Lock>();
        foreach (var group in events.Where(e => e.UserName is not null).GroupBy(e => e.UserName!))
        {
            var failures = AccountFailures(group.ToList());
            if (failures.Count >= settings.AccountFailureLimit) locks.Add(new Lock("account", group.Key, failures.Count, Until(failures, settings.AccountFailureLimit)));
        }
        foreach (var group in events.Where(e => e.Address is not null && e.Kind == SecurityLog.SignInFailed).GroupBy(e => e.Address!))
        {
            var failures = group.ToList();
            if (failures.Count >= settings.AddressFailureLimit) locks.Add(new Lock("address", group.Key, failures.Count, Until(failures, settings.AddressFailureLimit)));
        }
        return locks;
    }

    /// <summary>Failures newer than the account's last successful sign-in (events come newest first).</summary>
    private static List<SecurityEvent> AccountFailures(IReadOnlyList<SecurityEvent> newestFirst) =>
        newestFirst.TakeWhile(e => e.Kind != SecurityLog.SignedIn && e.Kind != SecurityLog.PasswordChanged)
            .Where(e => e.Kind == SecurityLog.SignInFailed).ToList();

    /// <summary>The lock lifts when the count drops below the limit: when the limit-th newest failure leaves the window.</summary>
    private DateTimeOffset Until(List<SecurityEvent> newestFirst, int limit) => newestFirst[limit - 1].At + settings.FailureWindow;
}
