using Workflows.Engine.Ports;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Storage;

namespace Workflows.Server.Hosting;

/// <summary>
/// With <c>--demo</c>: the demo accounts (printed, so a newcomer can sign in) and, unless
/// <c>--no-demo-cases</c>, demo cases in every state in an empty store.
/// </summary>
public static class DemoSeed
{
    public static WebApplication SeedDemo(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ServerOptions>();
        if (!options.Demo || app.Services.GetRequiredService<DefinitionCatalog>().Current is not { } snapshot) return app;
        var accounts = app.Services.GetRequiredService<IAccountStore>();
        var demo = DemoAccounts.EnsureAsync(accounts, snapshot.Set).GetAwaiter().GetResult();
        // Printed as a table, not logged: the single-line log format would fold it into one line.
        Console.WriteLine($"演示模式：以下账号的密码均为 {DemoAccounts.Password}（仅供演示，请勿用于生产）(demo accounts)");
        foreach (var a in demo) Console.WriteLine($"  {a.UserName,-26} {string.Join(",", a.Roles),-18} {a.DisplayName}");
        if (options.SeedDemoCases)
        {
            var made = DemoCases.SeedAsync(app.Services.GetRequiredService<ICaseStore>(), app.Services.GetRequiredService<DefinitionVersions>(),
                options.DataFolder, app.Services.GetRequiredService<IClock>(), app.Logger).GetAwaiter().GetResult();
            if (made > 0) Console.WriteLine($"演示模式：已生成 {made} 件演示办件，覆盖各种状态 (demo cases seeded)");
        }
        return app;
    }
}
