namespace Workflows.Definitions.Diagnostics;

public enum Severity { Error, Warning }

/// <summary>One problem found in the definitions, printed as <c>path:line:col: error WF1234: message</c>.</summary>
public sealed record Diagnostic(Severity Severity, string Code, SourceLocation Location, string Message)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
