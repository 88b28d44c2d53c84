using System.Security.Claims;
using Workflows.Engine.State;
using Workflows.Storage;

namespace Workflows.Server.Auth;

/// <summary>The signed-in account as the API sees it, read from the session cookie's claims.</summary>
public sealed record CurrentUser(string UserName, string DisplayName, IReadOnlySet<string> Roles, string? Department, string? Window)
{
    public const string DepartmentClaim = "workflows:department";
    public const string WindowClaim = "workflows:window";
    public const string DisplayNameClaim = "workflows:display-name";

    public bool Is(string role) => Roles.Contains(role);

    public bool IsAdmin => Is(Auth.Roles.Admin);

    /// <summary>Sees every case (admin, supervisor).</summary>
    public bool SeesAllCases => IsAdmin || Is(Auth.Roles.Supervisor);

    /// <summary>Works on cases at all (everyone but a pure department editor).</summary>
    public bool WorksOnCases => SeesAllCases || Is(Auth.Roles.Clerk) || Is(Auth.Roles.Reviewer) || Is(Auth.Roles.Head);

    /// <summary>The engine's actor, acting in the given role (the role that fits the task), or the first case role held.</summary>
    public Actor Actor(string? role = null) =>
        new(UserName, Department, role ?? new[] { Auth.Roles.Head, Auth.Roles.Reviewer, Auth.Roles.Clerk }.FirstOrDefault(Is), Window);

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true } identity || identity.Name is null) return null;
        return new CurrentUser(identity.Name, principal.FindFirstValue(DisplayNameClaim) ?? identity.Name,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindFirstValue(DepartmentClaim), principal.FindFirstValue(WindowClaim));
    }

    public static ClaimsPrincipal Principal(StoredAccount account, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, account.UserName), new(DisplayNameClaim, account.DisplayName) };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (account.Department is { } department) claims.Add(new Claim(DepartmentClaim, department));
        if (account.Window is { } window) claims.Add(new Claim(WindowClaim, window));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
