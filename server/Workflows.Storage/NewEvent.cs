namespace Workflows.Storage;

/// <summary>An event to append; the store assigns its sequence and hash.</summary>
/// <param name="Type">The event type, e.g. <c>case.accepted</c>.</param>
/// <param name="Payload">Opaque JSON, stored and hashed byte for byte as given.</param>
/// <param name="RecordedAt">Stored (and hashed) to whole microseconds in UTC, the precision every provider keeps.</param>
public sealed record NewEvent(string Type, string Payload, DateTimeOffset RecordedAt);
