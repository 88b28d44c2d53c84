using System.Text;

namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    private IContentStore Contents => Assert.IsAssignableFrom<IContentStore>(Store);
    private IAccountStore Accounts => Assert.IsAssignableFrom<IAccountStore>(Store);

    [Fact]
    public async Task Content_WrittenOnce_SurvivesReopenAndIgnoresASecondWrite()
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 申请书");

        Assert.True(await Contents.PutContentAsync("sha256:abc", "application/pdf", bytes));
        Assert.False(await Contents.PutContentAsync("sha256:abc", "text/plain", Encoding.UTF8.GetBytes("other")));
        await ReopenAsync();
        var stored = await Contents.GetContentAsync("sha256:abc");

        Assert.NotNull(stored);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(bytes, stored.Content);
        Assert.Null(await Contents.GetContentAsync("sha256:missing"));
    }

    [Fact]
    public async Task Account_SavedThenChanged_ReadsBackEveryField()
    {
        await Accounts.SaveAccountAsync(new StoredAccount("water-reviewer", "水务局审查员", "hash-1", ["reviewer"], "water"));
        await Accounts.SaveAccountAsync(new StoredAccount("clerk", "综合窗口", "hash-2", ["clerk"], Window: "comprehensive-1"));
        await Accounts.SaveAccountAsync(new StoredAccount("water-reviewer", "水务局审查员甲", "hash-3", ["reviewer", "head"], "water", Disabled: true));

        var found = await Accounts.FindAccountAsync("water-reviewer");
        var all = await Accounts.ListAccountsAsync();

        Assert.NotNull(found);
        Assert.Equal("水务局审查员甲", found.DisplayName);
        Assert.Equal("hash-3", found.PasswordHash);
        Assert.Equal(["reviewer", "head"], found.Roles);
        Assert.Equal("water", found.Department);
        Assert.Null(found.Window);
        Assert.True(found.Disabled);
        Assert.Equal(["clerk", "water-reviewer"], all.Select(a => a.UserName));
        Assert.Equal("comprehensive-1", all[0].Window);
        Assert.Null(await Accounts.FindAccountAsync("nobody"));
    }
}
