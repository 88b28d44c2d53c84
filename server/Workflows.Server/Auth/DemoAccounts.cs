using Workflows.Definitions.Model;
using Workflows.Storage;

namespace Workflows.Server.Auth;

/// <summary>
/// The accounts a demo server starts with (<c>--demo</c> only): an administrator, a supervisor, a
/// clerk per window and, per department, a reviewer, a head and a definitions editor. All share
/// one password, printed at start. A production server never creates them.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "demo2026";

    public static IReadOnlyList<StoredAccount> For(DefinitionSet set)
    {
        var hash = PasswordHasher.Hash(Password);
        var accounts = new List<StoredAccount>
        {
            new("admin", "系统管理员", hash, [Roles.Admin]),
            new("supervisor", "效能监督员", hash, [Roles.Supervisor]),
        };
        foreach (var window in set.Windows)
        {
            accounts.Add(new StoredAccount($"clerk-{window.Id}", $"{window.Name}工作人员", hash, [Roles.Clerk], Window: window.Id));
        }
        foreach (var department in set.Departments)
        {
            accounts.Add(new StoredAccount($"{department.Id}-reviewer", $"{department.ShortName ?? department.Name}审查员", hash, [Roles.Reviewer], department.Id));
            accounts.Add(new StoredAccount($"{department.Id}-head", $"{department.ShortName ?? department.Name}负责人", hash, [Roles.Head], department.Id));
            accounts.Add(new StoredAccount($"{department.Id}-editor", $"{department.ShortName ?? department.Name}事项编辑", hash, [Roles.DepartmentEditor], department.Id));
        }
        return accounts;
    }

    /// <summary>Creates the demo accounts that do not exist yet (an edited one is left alone) and returns them all.</summary>
    public static async Task<IReadOnlyList<StoredAccount>> EnsureAsync(IAccountStore store, DefinitionSet set, CancellationToken ct = default)
    {
        var accounts = For(set);
        foreach (var account in accounts)
        {
            if (await store.FindAccountAsync(account.UserName, ct) is null) await store.SaveAccountAsync(account, ct);
        }
        return accounts;
    }
}
