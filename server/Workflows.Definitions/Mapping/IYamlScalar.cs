namespace Workflows.Definitions.Mapping;

/// <summary>A value type written as one scalar in the files (for example a duration <c>10wd</c>).</summary>
public interface IYamlScalar<TSelf> where TSelf : IYamlScalar<TSelf>
{
    static abstract bool TryParse(string text, out TSelf value, out string error);

    /// <summary>A short pattern for the JSON Schema.</summary>
    static abstract string Pattern { get; }

    string ToYaml();
}
