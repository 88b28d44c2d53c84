using System.Globalization;
using Hangfire;
using Hangfire.Dashboard;
using Workflows.Server.Api;
using Workflows.Server.Auth;

namespace Workflows.Server.Effects;

/// <summary>
/// The Hangfire dashboard (<c>/hangfire</c>) is the operators' view of pending and failed effects:
/// behind the cookie session, 401 signed out, 403 for anyone but admins and supervisors, and
/// read-only for supervisors (who change nothing, DOMAIN glossary). It speaks zh-CN as far as
/// Hangfire is translated (menus, states, buttons); job names are ours and Chinese already.
/// </summary>
public static class HangfireDashboardAccess
{
    public const string Path = "/hangfire";

    public static bool MaySee(CurrentUser user) => user.IsAdmin || user.Is(Roles.Supervisor);

    /// <summary>Answers before the dashboard does, so the status codes are ours (and the problem bodies too).</summary>
    public static void Guard(IApplicationBuilder app) => app.UseWhen(
        context => context.Request.Path.StartsWithSegments(Path),
        branch => branch.Use(async (context, next) =>
        {
            if (CurrentUser.From(context.User) is not { } user)
            {
                await Problems.SignInRequired().ExecuteAsync(context);
                return;
            }
            if (!MaySee(user))
            {
                await Problems.Denied("任务面板仅供管理员和监督人员使用 (administrators and supervisors only)").ExecuteAsync(context);
                return;
            }
            // Hangfire's own texts in Chinese (its "zh" resources, found from zh-CN); the rest of the server keeps its culture.
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Chinese;
            await next();
        }));

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static DashboardOptions Options() => new()
    {
        Authorization = [new Filter()],
        IsReadOnlyFunc = context => CurrentUser.From(context.GetHttpContext().User) is not { IsAdmin: true },
        DashboardTitle = "Workflows 后台任务",
        AppPath = "/",
        DisplayStorageConnectionString = false,
    };

    private sealed class Filter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => CurrentUser.From(context.GetHttpContext().User) is { } user && MaySee(user);
    }
}
