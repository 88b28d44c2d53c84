using Workflows.Definitions.Model;

namespace Workflows.Engine.State;

/// <summary>Who may work on a task: a department role (education/reviewer) or a window (window:issuance).</summary>
public sealed record TaskAssignee(string? Department = null, string? Role = null, string? Window = null)
{
    public static TaskAssignee From(Assignee assignee) => new(assignee.Department, assignee.Role, assignee.Window);

    public static TaskAssignee ForWindow(string window) => new(Window: window);

    public static TaskAssignee ForRole(string department, string role) => new(department, role);

    public override string ToString() =>
        Window is not null ? $"window:{Window}" + (Role is null ? "" : $"/{Role}") : $"{Department}/{Role}";
}
