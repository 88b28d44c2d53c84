namespace Workflows.Engine.Commands;

/// <summary>A request to change a case. Commands are plain data; handlers in Handlers/ decide.</summary>
public abstract record CaseCommand;
