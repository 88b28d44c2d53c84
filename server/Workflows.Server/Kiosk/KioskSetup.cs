using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Workflows.Server.Api;
using Workflows.Server.Security;
using Workflows.Storage;

namespace Workflows.Server.Kiosk;

/// <summary>Wiring of the rating tablets: the store and service, the device check at every request, the guard.</summary>
public static class KioskSetup
{
    public static IServiceCollection AddKiosk(this IServiceCollection services, KioskSettings.Overrides overrides)
    {
        services.AddSingleton(overrides);
        services.AddSingleton<KioskDevices>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, DeviceSessionCheck>();
        return services;
    }

    /// <summary>
    /// A device session is checked here and nowhere else: it is not an account, so the account and
    /// person-session checks that run after this one are skipped for it (they would reject it).
    /// Registered after the security layer's check, so it wraps it and runs first.
    /// </summary>
    private sealed class DeviceSessionCheck : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            var personCheck = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                if (KioskDevices.DeviceOf(context.Principal) is not { } device)
                {
                    await personCheck(context);
                    return;
                }
                var kiosks = context.HttpContext.RequestServices.GetRequiredService<KioskDevices>();
                if (!await kiosks.IsLiveAsync(Sessions.IdOf(context.Principal), device, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            };
        }
    }

    /// <summary>
    /// A device session may call its own three endpoints and nothing else under <c>/api</c> or
    /// <c>/openapi</c>: 403 WF9480 (after authentication, so the device is known).
    /// </summary>
    public static IApplicationBuilder UseKioskGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if ((path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/hangfire") || path.StartsWithSegments("/effects"))
            && KioskDevices.DeviceOf(context.User) is not null
            && !KioskEndpoints.DevicePaths.Contains(path.Value!.TrimEnd('/')))
        {
            await Problems.Of(403, KioskEndpoints.DeviceOnly, "评价器设备不能访问此接口 (a rating tablet may not use this)",
                "评价器只能显示本窗口当前办件的评价；退出评价模式需要设备 PIN").ExecuteAsync(context);
            return;
        }
        await next();
    });
}
