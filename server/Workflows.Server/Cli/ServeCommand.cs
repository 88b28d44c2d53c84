using System.CommandLine;
using Microsoft.AspNetCore.Diagnostics;
using Workflows.Engine.Ports;
using Workflows.Server.Accounts;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Server.Plugins;
using Workflows.Server.Security;
using Workflows.Server.Kiosk;
using Workflows.Server.Effects;
using Workflows.Storage;

namespace Workflows.Server.Cli;

/// <summary>
/// <c>workflows serve</c>: the HTTP server. By default it runs the published version (HEAD) of the county repository under the
/// data folder (<c>data/county</c>), seeding it from the sample county when started with
/// <c>--demo</c>; <c>--definitions DIR</c> serves a folder directly instead.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var definitions = new Option<string?>("--definitions") { Description = "直接使用此定义目录（不经数据目录中的 git 工作区）" };
        var templates = new Option<string?>("--templates") { Description = "模板目录，默认为定义目录旁的 templates" };
        var data = new Option<string>("--data") { Description = "数据目录", DefaultValueFactory = _ => "data" };
        var urls = new Option<string>("--urls") { Description = "监听地址", DefaultValueFactory = _ => DefaultUrls };
        var demo = new Option<bool>("--demo") { Description = "演示模式：数据目录为空时导入示例县定义" };
        var plugins = new Option<string?>("--plugins") { Description = "插件目录，默认为数据目录下的 plugins" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL 连接字符串（多节点部署时；默认读取环境变量 WORKFLOWS_POSTGRES，未设置则使用数据目录中的 SQLite）" };
        var noDemoCases = new Option<bool>("--no-demo-cases") { Description = "演示模式下不生成演示办件（只建演示账号）" };
        var webRoot = new Option<string?>("--web-root") { Description = "网页界面目录（designer 的构建结果），默认为服务器旁的 wwwroot" };
        var testClock = new Option<bool>("--test-clock") { Description = "仅供测试：允许通过 POST /api/test/clock 拨动服务器时钟", Hidden = true };
        var command = new Command("serve", "启动服务 (start the server)") { definitions, templates, data, urls, demo, noDemoCases, plugins, postgres, webRoot, testClock };
        command.SetAction(async (result, cancel) =>
        {
            var options = new ServeOptions(result.GetValue(definitions), result.GetValue(templates), result.GetValue(data)!, result.GetValue(urls)!, result.GetValue(demo), result.GetValue(plugins))
            {
                Postgres = result.GetValue(postgres) ?? Environment.GetEnvironmentVariable("WORKFLOWS_POSTGRES"),
                TestClock = result.GetValue(testClock),
                SeedDemoCases = !result.GetValue(noDemoCases),
                WebRoot = result.GetValue(webRoot) is { } root ? Path.GetFullPath(root) : Web.SpaHosting.DefaultWebRoot(),
            };
            var app = Build(options, out var error);
            if (app is null) return CliApp.Fail(error!);
            await app.RunAsync(cancel);
            return CliApp.Ok;
        });
        return command;
    }

    public sealed record ServeOptions(string? Definitions, string? Templates, string Data, string Urls, bool Demo, string? Plugins = null)
    {
        public string PluginsFolder => Plugins ?? Path.Combine(Data, "plugins");

        /// <summary>PostgreSQL connection string; null = the SQLite file in the data folder.</summary>
        public string? Postgres { get; init; }

        /// <summary>The largest file a case accepts (<c>WORKFLOWS_MAX_UPLOAD_MB</c>, default 20 MB).</summary>
        public long MaxUploadBytes { get; init; } = UploadLimits.FromEnvironment().MaxBytes;

        /// <summary>With <see cref="Demo"/>: seed demo cases into an empty store (tests that count cases turn it off).</summary>
        public bool SeedDemoCases { get; init; } = true;

        /// <summary>The built web UI (index.html and assets); null = none, <c>/</c> then says how to build it.</summary>
        public string? WebRoot { get; init; }

        /// <summary>Lets tests move the server's clock (never in production).</summary>
        public bool TestClock { get; init; }

        /// <summary>Sessions, sign-in limits and proxy trust (environment variables, see docs/security.md).</summary>
        public Security.SecuritySettings Security { get; init; } = Workflows.Server.Security.SecuritySettings.FromEnvironment();
    }

    /// <summary>Builds the app (also used by the tests). Null with an error when there is nothing to serve.</summary>
    public static WebApplication? Build(ServeOptions options, out string? error, Action<WebApplicationBuilder>? configure = null)
    {
        error = null;
        var (definitionsRoot, templatesRoot) = ResolveDefinitions(options, out error, out var county);
        if (definitionsRoot is null) return null;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        // Per-request framework logs drown what an administrator needs to see (reloads, errors).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        // Keys sit in the data folder, protected by its file permissions; the "unencrypted" warning says only that.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(Api.OpenApiContracts.Configure);
        builder.Services.AddSingleton(sp => new DefinitionCatalog(definitionsRoot, templatesRoot!, sp.GetRequiredService<ILogger<DefinitionCatalog>>()));
        builder.Services.AddHostedService<DefinitionWatcher>();
        // The designer edits the county work tree; without one (--definitions) its endpoints answer 503.
        if (county is not null) builder.Services.AddSingleton(new Designer.DesignerWorkspace(county));
        // Plugins load before the store opens: the register is attached to the host once it has.
        var certificates = new Documents.StoreCertificateRegistry();
        var plugins = new PluginRegistry(new ServerPluginHost(certificates));
        var pluginReport = PluginLoader.LoadAll(options.PluginsFolder, plugins);
        builder.Services.AddSingleton(plugins);
        builder.Services.AddSingleton<SharedMaterials>();
        var clock = new ServerClock(options.TestClock);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<IClock>(clock);
        Directory.CreateDirectory(options.Data);
        builder.Services.AddCaseStore(options.Data, options.Postgres);
        builder.Services.AddHostedService<CaseFigureBackfill>();
        builder.Services.AddSingleton(sp => new DefinitionVersions(sp.GetRequiredService<DefinitionCatalog>(), sp.GetRequiredService<IContentStore>(),
            Path.Combine(Path.GetFullPath(options.Data), "cache", "definitions"), sp.GetRequiredService<ILogger<DefinitionVersions>>()));
        builder.Services.AddSingleton(sp => new CaseService(sp.GetRequiredService<ICaseStore>(), sp.GetRequiredService<DefinitionVersions>(),
            Path.GetFullPath(options.Data), sp.GetRequiredService<IClock>(), sp.GetServices<ICaseCommitListener>(), new PluginActivityPort(plugins),
            sp.GetRequiredService<Documents.CaseDocuments>(), sp.GetRequiredService<CaseNotifications>(), sp.GetRequiredService<IEffectQueue>()));
        builder.Services.AddEffects(EffectsOptions.From(options.Postgres, options.Data));
        // Adding a year's calendar makes the open cases' provisional due dates firm (recorded as events).
        builder.Services.AddSingleton<CalendarRecompute>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CalendarRecompute>());
        builder.Services.AddSingleton(pluginReport);
        builder.Services.AddWorkflowsAuth(Path.GetFullPath(options.Data));
        builder.Services.AddSecurity(options.Security);
        builder.Services.AddKiosk(Kiosk.KioskSettings.Overrides.FromEnvironment());
        builder.Services.AddAccountAdministration();
        builder.Services.AddSingleton(sp => Workbench.DeviceAgentSettings.FromEnvironment(
            sp.GetRequiredService<DefinitionCatalog>(), sp.GetRequiredService<ILogger<Workbench.DeviceAgentSettings>>()));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var result = exception is BadHttpRequestException bad
                ? Problems.Of(bad.StatusCode, Problems.InvalidRequest, "请求无效 (bad request)", bad.Message)
                : Problems.Of(500, Problems.Internal, "服务器内部错误 (internal error)", "已记录，请联系管理员");
            await result.ExecuteAsync(context);
        }));
        app.UseStatusCodePages(async status =>
        {
            if (status.HttpContext.Response.ContentLength is null && !status.HttpContext.Response.HasStarted)
                await Problems.Of(status.HttpContext.Response.StatusCode, Problems.NotFound, "找不到资源 (not found)").ExecuteAsync(status.HttpContext);
        });
        app.UseSecurity();
        Web.SpaHosting.UseWebUi(app, options.WebRoot);
        app.UseAuthentication();
        app.UseKioskGuard();
        app.UseForcedPasswordChange();
        app.UseAuthorization();
        app.MapEffects();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).ExcludeFromDescription();
        app.MapGet("/api", () => Results.Json(new
        {
            name = "Workflows 政务服务事项办理平台",
            items = "/api/items",
            status = "/api/definitions/status",
            openapi = "/openapi/v1.json",
        })).ExcludeFromDescription();
        ItemEndpoints.Map(app);
        CalendarEndpoints.Map(app);
        OpsStatusEndpoints.Map(app);
        TestClockEndpoints.Map(app, options.TestClock);
        AuthEndpoints.Map(app);
        AccountAdminEndpoints.Map(app);
        PeopleEndpoints.Map(app);
        OpinionPhraseEndpoints.Map(app);
        CaseEndpoints.Map(app);
        WorkEndpoints.Map(app);
        Workbench.AftercareEndpoints.Map(app);
        Kiosk.KioskEndpoints.Map(app);
        Workbench.SupervisionReport.Map(app);
        Workbench.DeviceAgentSettings.Map(app);
        FileEndpoints.Map(app, new UploadLimits(options.MaxUploadBytes));
        CaseDocumentEndpoints.Map(app);
        Documents.DocumentEndpoints.Map(app, templatesRoot!, definitionsRoot);
        Designer.DesignerEndpoints.Map(app);
        Web.SpaHosting.MapFallback(app, options.WebRoot);

        foreach (var problem in pluginReport.Problems) app.Logger.LogError("插件未加载 (plugin not loaded): {Problem}", problem);
        if (pluginReport.Loaded.Count > 0) app.Logger.LogInformation("已加载插件 (plugins loaded): {Plugins}", string.Join(", ", pluginReport.Loaded));

        // Open the case store now: a wrong connection string must stop the start, not the first request.
        certificates.Attach(app.Services.GetRequiredService<Workflows.Storage.ICertificateRegister>());
        var catalog = app.Services.GetRequiredService<DefinitionCatalog>();
        if (!catalog.Reload())
            app.Logger.LogError("定义有错误，尚无有效版本；修正后自动重新加载 (definitions have errors; fix them and they reload)");
        SeedAccounts(app, options, catalog);
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("Workflows 已启动：{Urls}，定义目录 {Root}", options.Urls, definitionsRoot));
        return app;
    }

    /// <summary>
    /// Demo accounts only with <c>--demo</c> (printed, so a newcomer can sign in); otherwise the first
    /// administrator comes from <c>WORKFLOWS_ADMIN_PASSWORD</c> when no <c>admin</c> account exists yet.
    /// </summary>
    private static void SeedAccounts(WebApplication app, ServeOptions options, DefinitionCatalog catalog)
    {
        var accounts = app.Services.GetRequiredService<IAccountStore>();
        if (options.Demo && catalog.Current is { } snapshot)
        {
            var demo = DemoAccounts.EnsureAsync(accounts, snapshot.Set).GetAwaiter().GetResult();
            // Printed as a table, not logged: the single-line log format would fold it into one line.
            Console.WriteLine($"演示模式：以下账号的密码均为 {DemoAccounts.Password}（仅供演示，请勿用于生产）(demo accounts)");
            foreach (var a in demo) Console.WriteLine($"  {a.UserName,-26} {string.Join(",", a.Roles),-18} {a.DisplayName}");
            if (options.SeedDemoCases)
            {
                var made = DemoCases.SeedAsync(app.Services.GetRequiredService<ICaseStore>(), app.Services.GetRequiredService<DefinitionVersions>(),
                    Path.GetFullPath(options.Data), app.Services.GetRequiredService<IClock>(), app.Logger).GetAwaiter().GetResult();
                if (made > 0) Console.WriteLine($"演示模式：已生成 {made} 件演示办件，覆盖各种状态 (demo cases seeded)");
            }
        }
        var password = Environment.GetEnvironmentVariable("WORKFLOWS_ADMIN_PASSWORD");
        if (!string.IsNullOrEmpty(password) && accounts.FindAccountAsync("admin").GetAwaiter().GetResult() is null)
        {
            accounts.SaveAccountAsync(new StoredAccount("admin", "系统管理员", PasswordHasher.Hash(password), [Roles.Admin])).GetAwaiter().GetResult();
            app.Logger.LogInformation("已创建管理员账号 admin (administrator created from WORKFLOWS_ADMIN_PASSWORD)");
        }
    }

    /// <summary>
    /// What the server runs: a folder given with <c>--definitions</c>, or, by default, the published
    /// checkout of the county repository (HEAD of <c>data/county</c>, checked out in <c>data/published</c>),
    /// so what editors save in the work tree goes live only when published.
    /// </summary>
    private static (string? Definitions, string? Templates) ResolveDefinitions(ServeOptions options, out string? error, out Designer.CountyRepository? county)
    {
        error = null;
        county = null;
        if (options.Definitions is { } direct)
        {
            if (!Directory.Exists(direct)) { error = $"定义目录 '{direct}' 不存在"; return (null, null); }
            return (Path.GetFullPath(direct), Path.GetFullPath(options.Templates ?? Definitions.Loading.DefinitionLoader.DefaultTemplatesRoot(direct)));
        }
        if (!CountyWorkTree.Exists(options.Data))
        {
            if (!options.Demo)
            {
                error = $"数据目录 '{options.Data}' 中没有定义；首次运行请加 --demo 导入示例县，或用 --definitions 指定目录";
                return (null, null);
            }
            CountyWorkTree.Seed(options.Data, "definitions", options.Templates ?? "templates");
        }
        county = Designer.CountyRepository.Open(options.Data);
        var published = county.PublishedRoot;
        return (Path.GetFullPath(Path.Combine(published, "definitions")), Path.GetFullPath(options.Templates ?? Path.Combine(published, "templates")));
    }
}
