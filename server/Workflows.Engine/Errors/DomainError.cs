namespace Workflows.Engine.Errors;

/// <summary>A caller's mistake, reported with a stable code (see <see cref="ErrorCodes"/>) instead of an exception.</summary>
public sealed record DomainError(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
