namespace Workflows.Storage;

/// <summary>
/// 常用意见: phrases a reviewer picks instead of typing "经审查，申请材料齐全，符合法定条件" again; kept
/// per user and per department, in the case store's database so every node offers the same ones.
/// </summary>
public interface IOpinionPhraseStore
{
    /// <summary>The user's own phrases and their department's, oldest first.</summary>
    Task<IReadOnlyList<OpinionPhrase>> ListOpinionPhrasesAsync(string userName, string? department, CancellationToken cancellationToken = default);

    /// <summary>Adds the phrase; the same text twice for one owner keeps the first (and returns it).</summary>
    Task<OpinionPhrase> AddOpinionPhraseAsync(OpinionPhrase phrase, CancellationToken cancellationToken = default);

    Task<OpinionPhrase?> FindOpinionPhraseAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>True when there was such a phrase.</summary>
    Task<bool> DeleteOpinionPhraseAsync(string id, CancellationToken cancellationToken = default);
}

/// <param name="Scope"><see cref="OpinionPhrase.UserScope"/> or <see cref="OpinionPhrase.DepartmentScope"/>.</param>
/// <param name="Owner">The user name or the department id.</param>
public sealed record OpinionPhrase(string Id, string Scope, string Owner, string Text, DateTimeOffset CreatedAt)
{
    public const string UserScope = "user";
    public const string DepartmentScope = "department";
}
