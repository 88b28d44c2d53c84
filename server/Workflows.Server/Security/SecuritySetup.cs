using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Workflows.Storage;

namespace Workflows.Server.Security;

/// <summary>The security layer in two calls: <see cref="AddSecurity"/> with the services, <see cref="UseSecurity"/> first in the pipeline after the error pages.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, SecuritySettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<SecurityLog>();
        services.AddSingleton<SignInLimiter>();
        services.AddSingleton<Sessions>();
        services.AddSingleton<PersonalDownloads>();
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options => UseSessions(options, settings));
        if (settings.TrustForwardedHeaders)
        {
            services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // The operator said a proxy stands in front (WORKFLOWS_TRUST_PROXY): its address is not known here.
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            });
        }
        return services;
    }

    /// <summary>
    /// The cookie lives as long as the absolute lifetime; the server-side session decides whether it
    /// still counts (revoked, idle, too old). Secure over TLS (also behind a trusted proxy), or always.
    /// </summary>
    private static void UseSessions(CookieAuthenticationOptions options, SecuritySettings settings)
    {
        options.ExpireTimeSpan = settings.AbsoluteLifetime;
        options.SlidingExpiration = false;
        if (settings.AlwaysSecureCookies) options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        var accountCheck = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var http = context.HttpContext;
            var sessions = http.RequestServices.GetRequiredService<Sessions>();
            var id = Sessions.IdOf(context.Principal);
            var user = context.Principal?.Identity?.Name;
            if (user is null || !await sessions.IsLiveAsync(id, user, SecurityLog.AddressOf(http), http.RequestAborted))
            {
                context.RejectPrincipal();
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return;
            }
            await accountCheck(context);
            // The account check may rebuild the principal from the account (roles changed): keep the session.
            if (context.Principal is { } principal && Sessions.IdOf(principal) is null && principal.Identity is ClaimsIdentity identity)
                identity.AddClaim(new Claim(Sessions.SessionClaim, id!));
        };
    }

    public static WebApplication UseSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SecuritySettings>().TrustForwardedHeaders) app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CrossSiteWriteGuard>();
        SecurityEndpoints.Map(app);
        return app;
    }
}
