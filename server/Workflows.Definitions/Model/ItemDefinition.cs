namespace Workflows.Definitions.Model;

/// <summary>One service item (事项): the four files of <c>items/&lt;id&gt;/</c>.</summary>
public sealed class ItemDefinition
{
    public required string Id { get; init; }
    public Guide? Guide { get; set; }
    public List<Material> Materials { get; set; } = [];
    public Form? Form { get; set; }
    public Workflow? Workflow { get; set; }
}
