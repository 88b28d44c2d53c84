namespace Workflows.Engine.State;

/// <summary>
/// The authenticated user behind a command, with the department role or window they act in.
/// The server decides who may see a case; the engine only checks that the actor fits the task.
/// </summary>
public sealed record Actor(string UserId, string? Department = null, string? Role = null, string? Window = null)
{
    public bool Fits(TaskAssignee assignee)
    {
        if (assignee.Window is not null)
        {
            return Window == assignee.Window && (assignee.Role is null || Role == assignee.Role);
        }

        return Department == assignee.Department && (assignee.Role is null || Role == assignee.Role);
    }
}
