namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    private IAccountAdminStore AccountAdmin => Assert.IsAssignableFrom<IAccountAdminStore>(Store);

    [Fact]
    public async Task AccountAdmin_ForcedChangeAndLastSignIn_AreKeptApartAndSurviveReopen()
    {
        Assert.Null(await AccountAdmin.GetAccountAdminAsync("wang-fang"));
        await AccountAdmin.SetMustChangePasswordAsync("wang-fang", true);
        var signedIn = new DateTimeOffset(2026, 3, 2, 9, 35, 12, TimeSpan.FromHours(8));
        await AccountAdmin.RecordSignInAsync("wang-fang", signedIn);
        await AccountAdmin.RecordSignInAsync("li-lei", signedIn.AddHours(1));
        await ReopenAsync();

        var fang = await AccountAdmin.GetAccountAdminAsync("wang-fang");
        Assert.NotNull(fang);
        Assert.True(fang.MustChangePassword);
        Assert.Equal(signedIn, fang.LastSignInAt);

        await AccountAdmin.SetMustChangePasswordAsync("wang-fang", false);
        var all = await AccountAdmin.ListAccountAdminAsync();
        Assert.Equal(["li-lei", "wang-fang"], all.Select(r => r.UserName));
        Assert.False(all[1].MustChangePassword);
        Assert.Equal(signedIn, all[1].LastSignInAt);
        Assert.False(all[0].MustChangePassword);
    }
}
