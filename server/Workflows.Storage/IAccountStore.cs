namespace Workflows.Storage;

/// <summary>Local user accounts, in the case store's database so every node signs in the same users.</summary>
public interface IAccountStore
{
    Task<StoredAccount?> FindAccountAsync(string userName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredAccount>> ListAccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the account or replaces every field of the existing one.</summary>
    Task SaveAccountAsync(StoredAccount account, CancellationToken cancellationToken = default);
}

/// <summary>A local account. The store keeps the password hash as given; hashing is the server's job.</summary>
/// <param name="Roles">Role names (admin, department-editor, clerk, reviewer, head, supervisor).</param>
/// <param name="Department">The department the account acts for, when any.</param>
/// <param name="Window">The window the account works at, when any.</param>
public sealed record StoredAccount(
    string UserName, string DisplayName, string PasswordHash, IReadOnlyList<string> Roles,
    string? Department = null, string? Window = null, bool Disabled = false);
