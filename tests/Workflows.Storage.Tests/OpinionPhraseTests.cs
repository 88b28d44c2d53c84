namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    private IOpinionPhraseStore Phrases => Assert.IsAssignableFrom<IOpinionPhraseStore>(Store);

    private static OpinionPhrase Phrase(string id, string scope, string owner, string text, int minute) =>
        new(id, scope, owner, text, new DateTimeOffset(2026, 3, 2, 9, minute, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task OpinionPhrases_OwnAndDepartmentOnes_OldestFirst_NoDuplicates_SurviveReopen()
    {
        await Phrases.AddOpinionPhraseAsync(Phrase("p1", OpinionPhrase.UserScope, "education-reviewer", "材料齐全，同意受理", 1));
        await Phrases.AddOpinionPhraseAsync(Phrase("p2", OpinionPhrase.DepartmentScope, "education", "经审查，符合法定条件，拟准予许可", 2));
        await Phrases.AddOpinionPhraseAsync(Phrase("p3", OpinionPhrase.UserScope, "water-reviewer", "别人的意见", 3));
        await Phrases.AddOpinionPhraseAsync(Phrase("p4", OpinionPhrase.DepartmentScope, "water", "别的部门的意见", 4));
        var again = await Phrases.AddOpinionPhraseAsync(Phrase("p5", OpinionPhrase.UserScope, "education-reviewer", "材料齐全，同意受理", 5));
        await ReopenAsync();

        Assert.Equal("p1", again.Id);
        var mine = await Phrases.ListOpinionPhrasesAsync("education-reviewer", "education");
        Assert.Equal(["p1", "p2"], mine.Select(p => p.Id));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 1, 0, TimeSpan.FromHours(8)), mine[0].CreatedAt);
        Assert.Equal(["p1"], (await Phrases.ListOpinionPhrasesAsync("education-reviewer", null)).Select(p => p.Id));

        Assert.Equal("education", (await Phrases.FindOpinionPhraseAsync("p2"))!.Owner);
        Assert.True(await Phrases.DeleteOpinionPhraseAsync("p2"));
        Assert.False(await Phrases.DeleteOpinionPhraseAsync("p2"));
        Assert.Null(await Phrases.FindOpinionPhraseAsync("p2"));
        Assert.Equal(["p1"], (await Phrases.ListOpinionPhrasesAsync("education-reviewer", "education")).Select(p => p.Id));
    }
}
