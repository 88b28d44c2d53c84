using System.CommandLine;
using System.Globalization;
using Workflows.Server.Accounts;
using Workflows.Server.Hosting;
using Workflows.Storage;
using Workflows.Domain;

namespace Workflows.Server.Cli;

/// <summary>
/// <c>workflows users list|add|disable|enable|reset [--data DIR] [--postgres CONN]</c>: the staff
/// accounts from the server's shell, with the same rules as the admin screen (a new or reset
/// password must be changed at the next sign-in). A password not given with --password is read
/// from the first line of standard input, so it need not appear in the shell history.
/// </summary>
public static class UsersCommand
{
    private static readonly Option<string> Data = new("--data") { Description = "数据目录 (data folder)", DefaultValueFactory = _ => "data" };
    private static readonly Option<string?> Postgres = new("--postgres") { Description = "PostgreSQL 连接字符串 (connection string)" };

    public static Command Create()
    {
        var list = new Command("list", "列出账号 (list accounts)") { Data, Postgres };
        list.SetAction((result, cancel) => WithStore(result, cancel, async (admin, _) =>
        {
            foreach (var l in await admin.ListAsync(cancel))
            {
                var a = l.Account;
                var last = l.LastSignInAt is { } at ? ChinaTime.Of(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "从未登录";
                Console.WriteLine(string.Join('\t', a.UserName, a.DisplayName, string.Join(',', a.Roles), a.Department ?? "-", a.Window ?? "-",
                    a.Disabled ? "已停用" : "启用", l.MustChangePassword ? "须改密码" : "-", last));
            }
            return CliApp.Ok;
        }));

        var userName = new Argument<string>("USER") { Description = "用户名 (user name)" };
        var displayName = new Option<string>("--name") { Description = "姓名 (display name)", Required = true };
        var roles = new Option<string[]>("--role") { Description = "角色，可多次 (role, repeatable): admin, clerk, reviewer, head, supervisor, department-editor", Required = true, AllowMultipleArgumentsPerToken = true };
        var department = new Option<string?>("--department") { Description = "部门标识 (department id)" };
        var window = new Option<string?>("--window") { Description = "窗口标识 (window id)" };
        var password = new Option<string?>("--password") { Description = "初始密码；省略时从标准输入读取一行 (initial password; else one line of stdin)" };
        var add = new Command("add", "新建账号，首次登录须修改密码 (create an account)") { userName, displayName, roles, department, window, password, Data, Postgres };
        add.SetAction((result, cancel) => WithStore(result, cancel, async (admin, _) => Report(await admin.CreateAsync(new AccountAdministration.Draft(
            result.GetValue(userName)!, result.GetValue(displayName)!, PasswordOf(result.GetValue(password)), result.GetValue(roles)!,
            result.GetValue(department), result.GetValue(window)), null, cancel), $"已创建 {result.GetValue(userName)}，首次登录须修改密码 (created)")));

        var disable = new Command("disable", "停用账号 (disable)") { userName, Data, Postgres };
        disable.SetAction((result, cancel) => WithStore(result, cancel, async (admin, _) =>
            Report(await admin.SetDisabledAsync(result.GetValue(userName)!, true, cancel), $"已停用 {result.GetValue(userName)} (disabled)")));
        var enable = new Command("enable", "启用账号 (enable)") { userName, Data, Postgres };
        enable.SetAction((result, cancel) => WithStore(result, cancel, async (admin, _) =>
            Report(await admin.SetDisabledAsync(result.GetValue(userName)!, false, cancel), $"已启用 {result.GetValue(userName)} (enabled)")));

        var reset = new Command("reset", "重置密码，下次登录须修改 (reset the password)") { userName, password, Data, Postgres };
        reset.SetAction((result, cancel) => WithStore(result, cancel, async (admin, _) =>
            Report(await admin.ResetPasswordAsync(result.GetValue(userName)!, PasswordOf(result.GetValue(password)), cancel),
                $"已重置 {result.GetValue(userName)} 的密码，下次登录须修改 (reset)")));

        return new Command("users", "管理工作人员账号 (staff accounts)") { list, add, disable, enable, reset };
    }

    private static async Task<int> WithStore(ParseResult result, CancellationToken cancel, Func<AccountAdministration, ICaseStore, Task<int>> act)
    {
        var folder = result.GetValue(Data)!;
        var connection = result.GetValue(Postgres);
        if (connection is null && !File.Exists(CaseStores.SqlitePath(folder)))
        {
            Console.Error.WriteLine($"error WF9605: {CaseStores.SqlitePath(folder)}：没有办件库，请用 --data 指定服务器的数据目录 (no store here; pass --data)");
            return CliApp.BadUsage;
        }
        await using var store = await CaseStores.OpenAsync(folder, connection, cancel);
        return await act(new AccountAdministration((IAccountStore)store, (IAccountAdminStore)store), store);
    }

    private static string PasswordOf(string? given) => given ?? Console.In.ReadLine() ?? "";

    private static int Report(AccountProblem? problem, string done)
    {
        if (problem is null) { Console.WriteLine(done); return CliApp.Ok; }
        Console.Error.WriteLine($"error {problem.Code}: {problem.Message}");
        return CliApp.Failed;
    }
}
