namespace Workflows.Server.Kiosk;

/// <summary>The Kiosk module's endpoints (its services and guard are in <see cref="KioskSetup"/>).</summary>
public static class KioskModule
{
    public static IEndpointRouteBuilder MapKiosk(this IEndpointRouteBuilder endpoints)
    {
        KioskEndpoints.Map(endpoints);
        return endpoints;
    }
}
