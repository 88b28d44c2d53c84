using System.Text.Json.Nodes;

namespace Workflows.Plugins.Abstractions;

/// <summary>A look-up against another system or this server's own records (e.g. a certificate by holder and type).</summary>
public sealed record ConnectorQuery(string Kind, IReadOnlyDictionary<string, string> Keys);

/// <summary>Found data, or <see cref="NotFound"/>.</summary>
public sealed record ConnectorAnswer(bool Found, JsonObject? Data = null)
{
    public static readonly ConnectorAnswer NotFound = new(false);
}

public interface IDataConnector
{
    string Name { get; }

    /// <summary>The query kinds it answers, e.g. <c>certificate</c>.</summary>
    IReadOnlySet<string> Kinds { get; }

    Task<ConnectorAnswer> LookupAsync(ConnectorQuery query, CancellationToken cancellationToken);
}
