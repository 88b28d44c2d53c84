using Npgsql;

namespace Workflows.Storage.PostgreSql;

/// <summary>Supervision's counts and the work lists (<see cref="ICaseFigures"/>) over the figure columns.</summary>
public sealed partial class PostgreSqlCaseStore : ICaseFigures
{
    private CaseFiguresQueries? _figures;

    private CaseFiguresQueries Figures => _figures ??= new CaseFiguresQueries(FigureRowsAsync);

    private async Task<List<object?[]>> FigureRowsAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = connection.Command(null, sql, parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public Task<IReadOnlyList<DeadlineCount>> DeadlineCountsAsync(DateOnly today, string? party, CancellationToken cancellationToken = default) =>
        Figures.DeadlineCountsAsync(today, party, cancellationToken);

    public Task<IReadOnlyList<DeadlineCase>> DeadlineCasesAsync(DateOnly today, string? party, int take, CancellationToken cancellationToken = default) =>
        Figures.DeadlineCasesAsync(today, party, take, cancellationToken);

    public Task<IReadOnlyList<OutcomeCount>> OutcomeCountsAsync(string? party, CancellationToken cancellationToken = default) =>
        Figures.OutcomeCountsAsync(party, cancellationToken);

    public Task<IReadOnlyList<DayCount>> DailyCountsAsync(DateOnly from, string? party, CancellationToken cancellationToken = default) =>
        Figures.DailyCountsAsync(from, party, cancellationToken);

    public Task<IReadOnlyList<RatingCount>> RatingCountsAsync(string? party, CancellationToken cancellationToken = default) =>
        Figures.RatingCountsAsync(party, cancellationToken);

    public Task<WorkPage> WorkAsync(WorkQuery query, CancellationToken cancellationToken = default) =>
        Figures.WorkAsync(query, cancellationToken);

    public Task<IReadOnlyList<Guid>> ClosedSinceAsync(ClosedQuery query, CancellationToken cancellationToken = default) =>
        Figures.ClosedSinceAsync(query, cancellationToken);

    public Task<IReadOnlyList<Guid>> WithoutFiguresAsync(int take, CancellationToken cancellationToken = default) =>
        Figures.WithoutFiguresAsync(take, cancellationToken);

    public async Task<bool> SetFiguresAsync(Guid caseId, long version, CaseFigures figures, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = CaseFiguresQueries.SetFigures(caseId, version, figures);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecAsync(null, sql, cancellationToken, parameters) == 1;
    }

    public Task<IReadOnlyList<Guid>> RatedAsync(IReadOnlyCollection<string> ratings, string? party, int take, CancellationToken cancellationToken = default) =>
        Figures.RatedAsync(ratings, party, take, cancellationToken);
}
