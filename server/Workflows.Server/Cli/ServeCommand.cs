using System.CommandLine;
using Workflows.Server.Accounts;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Designer;
using Workflows.Server.Documents;
using Workflows.Server.Effects;
using Workflows.Server.Hosting;
using Workflows.Server.Kiosk;
using Workflows.Server.Plugins;
using Workflows.Server.Security;
using Workflows.Server.Workbench;

namespace Workflows.Server.Cli;

/// <summary>
/// <c>workflows serve</c>: the HTTP server. By default it runs the published version (HEAD) of the county repository under the
/// data folder (<c>data/county</c>), seeding it from the sample county when started with
/// <c>--demo</c>; <c>--definitions DIR</c> serves a folder directly instead. This file only parses the
/// command line and composes the feature modules (docs/server-modules.md); settings are bound once
/// by <see cref="ServerOptionsBinder"/>.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrls = ServerOptions.DefaultUrls;

    public static Command Create()
    {
        var definitions = new Option<string?>("--definitions") { Description = "直接使用此定义目录（不经数据目录中的 git 工作区） (serve this definitions folder directly, without the data folder's git work tree)" };
        var templates = new Option<string?>("--templates") { Description = "模板目录，默认为定义目录旁的 templates (templates folder; default: templates beside the definitions)" };
        var data = new Option<string>("--data") { Description = "数据目录 (data folder)", DefaultValueFactory = _ => "data" };
        var urls = new Option<string>("--urls") { Description = "监听地址 (addresses to listen on)", DefaultValueFactory = _ => DefaultUrls };
        var demo = new Option<bool>("--demo") { Description = "演示模式：数据目录为空时导入示例县定义 (demo mode: seed the sample county into an empty data folder)" };
        var plugins = new Option<string?>("--plugins") { Description = "插件目录，默认为数据目录下的 plugins (plugins folder; default: plugins in the data folder)" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL 连接字符串（多节点部署时；默认读取环境变量 WORKFLOWS_POSTGRES，未设置则使用数据目录中的 SQLite） (PostgreSQL connection string for several nodes; default: WORKFLOWS_POSTGRES, else SQLite in the data folder)" };
        var noDemoCases = new Option<bool>("--no-demo-cases") { Description = "演示模式下不生成演示办件（只建演示账号） (demo mode without demo cases)" };
        var webRoot = new Option<string?>("--web-root") { Description = "网页界面目录（designer 的构建结果），默认为服务器旁的 wwwroot (web UI folder; default: wwwroot beside the server)" };
        var testClock = new Option<bool>("--test-clock") { Description = "仅供测试：允许通过 POST /api/test/clock 拨动服务器时钟", Hidden = true };
        var command = new Command("serve", "启动服务 (start the server)") { definitions, templates, data, urls, demo, noDemoCases, plugins, postgres, webRoot, testClock };
        command.SetAction(async (result, cancel) =>
        {
            var commandLine = new ServerOptions(result.GetValue(definitions), result.GetValue(templates), result.GetValue(data)!, result.GetValue(urls)!, result.GetValue(demo), result.GetValue(plugins))
            {
                Postgres = result.GetValue(postgres),
                TestClock = result.GetValue(testClock),
                SeedDemoCases = !result.GetValue(noDemoCases),
                WebRoot = result.GetValue(webRoot),
            };
            var app = Build(ServerOptionsBinder.Bind(commandLine), out var error);
            if (app is null) return CliApp.Fail(error!);
            await app.RunAsync(cancel);
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Builds the app from bound options (also used by the tests). Null with an error when there is nothing to serve.</summary>
    public static WebApplication? Build(ServerOptions options, out string? error, Action<WebApplicationBuilder>? configure = null)
    {
        var served = DefinitionsModule.Resolve(options, out error);
        if (served is null) return null;

        var builder = ServerHost.CreateBuilder(options);
        // Registration order matters where modules wrap the cookie checks: security, then kiosk, then accounts.
        builder.Services
            .AddServerHost(options)
            .AddDefinitions(options, served)
            .AddDesigner(served)
            .AddPlugins(options)
            .AddCases(options)
            .AddDocuments(options)
            .AddEffects(options.Effects)
            .AddAuth(options)
            .AddSecurity(options.Security)
            .AddKiosk(options.Kiosk)
            .AddAccounts()
            .AddWorkbench(options);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseProblemAnswers();
        app.UseSecurity();
        Web.SpaHosting.UseWebUi(app, options.WebRoot);
        app.UseAuthentication();
        app.UseKioskGuard();
        app.UseForcedPasswordChange();
        app.UseAuthorization();
        app.UseEffectsDashboard();
        app.MapServerHost()
            .MapEffects()
            .MapDefinitions()
            .MapAuth()
            .MapAccounts()
            .MapCases()
            .MapWorkbench()
            .MapKiosk()
            .MapDocuments()
            .MapDesigner();
        Web.SpaHosting.MapFallback(app, options.WebRoot);

        app.StartPlugins().OpenCaseStore().LoadDefinitions().SeedDemo().SeedAdministrator().LogStarted();
        return app;
    }
}
