namespace Workflows.Documents.Markup;

/// <summary>Invalid layout markup, at a line and column of the markup text.</summary>
public sealed class MarkupException(string message, int line, int column, string? element = null) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>The element (or <c>element@attribute</c>) at fault, to find it in the template.</summary>
    public string? Element { get; } = element;
}
