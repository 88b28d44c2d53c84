using Microsoft.AspNetCore.HttpOverrides;

namespace Workflows.Server.Security;

/// <summary>The security layer in two calls: <see cref="AddSecurity"/> with the services, <see cref="UseSecurity"/> first in the pipeline after the error pages.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, SecuritySettings settings)
    {
        services.AddSingleton(settings);
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

    public static WebApplication UseSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SecuritySettings>().TrustForwardedHeaders) app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CrossSiteWriteGuard>();
        return app;
    }
}
