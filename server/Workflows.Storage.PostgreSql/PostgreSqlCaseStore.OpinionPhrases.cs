using Npgsql;

namespace Workflows.Storage.PostgreSql;

// 常用意见: the opinion_phrases table of the schema migrations (numbered, append-only).
public sealed partial class PostgreSqlCaseStore : IOpinionPhraseStore
{
    private const string PhraseColumns = "id, scope, owner, text, created_at";

    public async Task<IReadOnlyList<OpinionPhrase>> ListOpinionPhrasesAsync(string userName, string? department, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            $"SELECT {PhraseColumns} FROM opinion_phrases WHERE (scope = 'user' AND owner = @user) OR (scope = 'department' AND owner = @department) ORDER BY created_at, id",
            ("user", userName), ("department", (object?)department ?? DBNull.Value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var phrases = new List<OpinionPhrase>();
        while (await reader.ReadAsync(cancellationToken)) phrases.Add(ReadPhrase(reader));
        return phrases;
    }

    public async Task<OpinionPhrase> AddOpinionPhraseAsync(OpinionPhrase phrase, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null,
            "INSERT INTO opinion_phrases (id, scope, owner, text, created_at) VALUES (@id, @scope, @owner, @text, @at) ON CONFLICT (scope, owner, text) DO NOTHING",
            cancellationToken, ("id", phrase.Id), ("scope", phrase.Scope), ("owner", phrase.Owner), ("text", phrase.Text), ("at", phrase.CreatedAt.Utc()));
        await using var command = connection.Command(null, $"SELECT {PhraseColumns} FROM opinion_phrases WHERE scope = @scope AND owner = @owner AND text = @text",
            ("scope", phrase.Scope), ("owner", phrase.Owner), ("text", phrase.Text));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ReadPhrase(reader);
    }

    public async Task<OpinionPhrase?> FindOpinionPhraseAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, $"SELECT {PhraseColumns} FROM opinion_phrases WHERE id = @id", ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadPhrase(reader) : null;
    }

    public async Task<bool> DeleteOpinionPhraseAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecAsync(null, "DELETE FROM opinion_phrases WHERE id = @id", cancellationToken, ("id", id)) > 0;
    }

    private static OpinionPhrase ReadPhrase(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4));
}
