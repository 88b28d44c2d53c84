using Workflows.Server.Api;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Documents;

/// <summary>
/// The Documents module: a case's notices and certificates (planned in the command, rendered
/// after it), the certificate register behind <c>/verify</c>, template previews and the case's
/// document downloads. Fonts (<c>WORKFLOWS_FONTS</c>) and the QR codes' public address
/// (<c>WORKFLOWS_PUBLIC_URL</c>) come from the options.
/// </summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, ServerOptions options)
    {
        DocumentService.UseFonts(options.Fonts);
        services.AddSingleton(sp => new CaseDocuments(sp.GetRequiredService<ICaseStore>(), options.PublicUrl));
        services.AddSingleton(sp => new StoreCertificateRegistry(sp.GetRequiredService<ICertificateRegister>()));
        return services;
    }

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder endpoints)
    {
        var served = endpoints.ServiceProvider.GetRequiredService<ServedDefinitions>();
        DocumentEndpoints.Map(endpoints, served.TemplatesRoot, served.DefinitionsRoot);
        CaseDocumentEndpoints.Map(endpoints);
        return endpoints;
    }
}
