using Microsoft.AspNetCore.Diagnostics;
using Workflows.Server.Api;

namespace Workflows.Server.Hosting;

/// <summary>
/// The thin host the feature modules plug into: the builder with its address and logging, the
/// options as a service, problem-details answers for errors and unknown paths, and the server's
/// own endpoints (<c>/health</c>, <c>/api</c>, the OpenAPI document).
/// </summary>
public static class ServerHost
{
    public static WebApplicationBuilder CreateBuilder(ServerOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        // Per-request framework logs drown what an administrator needs to see (reloads, errors).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        // Keys sit in the data folder, protected by its file permissions; the "unencrypted" warning says only that.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        return builder;
    }

    public static IServiceCollection AddServerHost(this IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton(options);
        services.AddProblemDetails();
        services.AddOpenApi(OpenApiContracts.Configure);
        return services;
    }

    /// <summary>First in the pipeline: an exception or an empty error status becomes a problem-details answer, never a bare 500.</summary>
    public static WebApplication UseProblemAnswers(this WebApplication app)
    {
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
        return app;
    }

    public static IEndpointRouteBuilder MapServerHost(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        endpoints.MapGet("/health", () => Results.Ok(new { status = "ok" })).ExcludeFromDescription();
        endpoints.MapGet("/api", () => Results.Json(new
        {
            name = "Workflows 政务服务事项办理平台",
            items = "/api/items",
            status = "/api/definitions/status",
            openapi = "/openapi/v1.json",
        })).ExcludeFromDescription();
        return endpoints;
    }

    public static WebApplication LogStarted(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ServerOptions>();
        var served = app.Services.GetRequiredService<ServedDefinitions>();
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("Workflows 已启动：{Urls}，定义目录 {Root}", options.Urls, served.DefinitionsRoot));
        return app;
    }
}
