using Workflows.Definitions.Model;
using Workflows.Engine.State;
using Workflows.Server.Auth;
using Workflows.Server.Hosting;

namespace Workflows.Server.Api;

/// <summary>
/// Who may see and do what with cases. Admins and supervisors see every case; a department's
/// reviewers and heads see the cases their department is party to; a clerk sees the cases of
/// its window (intake there, or a task there such as issuance); a definitions editor sees none.
/// What each may do to a case it sees is <see cref="Security.CaseCommandPolicy"/>; whether the actor fits a task is also the engine's check.
/// </summary>
public static class CaseAccess
{
    /// <summary>The party filter for the user's searches; null = every case (admin, supervisor).</summary>
    public static string? PartyOf(CurrentUser user) =>
        user.SeesAllCases ? null
        : user.Window is { } window && user.Is(Roles.Clerk) ? "w:" + window
        : user.Department;

    public static bool MaySee(CurrentUser user, string? parties)
    {
        if (user.SeesAllCases) return true;
        if (!user.WorksOnCases) return false;
        var party = PartyOf(user);
        return party is not null && parties is not null && parties.Contains("|" + party + "|", StringComparison.Ordinal);
    }

    /// <summary>收件 for an item: an admin, or a clerk at the window the item's intake step names (or that serves its department).</summary>
    public static bool MayReceive(CurrentUser user, ItemDefinition item, DefinitionSnapshot snapshot)
    {
        if (user.IsAdmin) return true;
        if (!user.Is(Roles.Clerk) || user.Window is not { } window) return false;
        var intake = item.Workflow?.Steps.FirstOrDefault(s => s.Kind == StepKind.Intake);
        if (intake?.By?.Window is { } intakeWindow) return intakeWindow == window;
        var department = item.Guide?.Department;
        return snapshot.Set.Windows.Any(w => w.Id == window && department is not null && w.Departments.Contains(department));
    }

    /// <summary>The role the user acts in for a task: the one of theirs the task's signers ask for.</summary>
    public static Actor ActorFor(CurrentUser user, CaseTask? task)
    {
        if (task is null) return user.Actor();
        foreach (var role in user.Roles)
        {
            var actor = user.Actor(role);
            if (task.Signers.Any(s => actor.Fits(s.Assignee))) return actor;
        }
        return user.Actor();
    }
}
