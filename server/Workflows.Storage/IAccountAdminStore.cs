namespace Workflows.Storage;

/// <summary>
/// What the office's account administration keeps beside each local account: whether the password
/// must be changed at the next sign-in (a new account, a reset) and when the account last signed in.
/// A separate table from <see cref="IAccountStore"/>'s, so sign-in itself never depends on it.
/// </summary>
public interface IAccountAdminStore
{
    Task<AccountAdminRecord?> GetAccountAdminAsync(string userName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AccountAdminRecord>> ListAccountAdminAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets (or clears) the forced password change; the last sign-in is kept.</summary>
    Task SetMustChangePasswordAsync(string userName, bool mustChange, CancellationToken cancellationToken = default);

    Task RecordSignInAsync(string userName, DateTimeOffset at, CancellationToken cancellationToken = default);
}

public sealed record AccountAdminRecord(string UserName, bool MustChangePassword, DateTimeOffset? LastSignInAt);
