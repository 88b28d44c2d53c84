namespace Workflows.Storage.Tests;

/// <summary>Sessions and the security log, on both providers: what the server's session check and sign-in locks rely on.</summary>
public abstract partial class CaseStoreComplianceTests
{
    private ISecurityStore Security => Assert.IsAssignableFrom<ISecurityStore>(Store);

    [Fact]
    public async Task Session_CreatedTouchedAndRevoked_ReadsBackAndSurvivesReopen()
    {
        var start = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        await Security.CreateSessionAsync(new StoredSession("s-1", "clerk", start, start, Address: "10.0.0.7"));
        await Security.CreateSessionAsync(new StoredSession("s-2", "clerk", start, start));
        await Security.CreateSessionAsync(new StoredSession("s-3", "admin", start, start));
        await Security.TouchSessionAsync("s-1", start.AddMinutes(30));
        await Security.TouchSessionAsync("s-1", start.AddMinutes(10)); // an older touch never moves it back
        await ReopenAsync();

        var found = await Security.FindSessionAsync("s-1");
        Assert.NotNull(found);
        Assert.Equal("clerk", found.UserName);
        Assert.Equal(start, found.CreatedAt);
        Assert.Equal(start.AddMinutes(30), found.LastSeenAt);
        Assert.Null(found.RevokedAt);
        Assert.Equal("10.0.0.7", found.Address);
        Assert.Null(await Security.FindSessionAsync("missing"));

        await Security.RevokeSessionAsync("s-3", start.AddHours(1));
        Assert.Equal(2, await Security.RevokeSessionsOfAsync("clerk", start.AddHours(2)));
        Assert.Equal(0, await Security.RevokeSessionsOfAsync("clerk", start.AddHours(3)));
        Assert.Equal(start.AddHours(2), (await Security.FindSessionAsync("s-2"))!.RevokedAt);
        Assert.Equal(start.AddHours(1), (await Security.FindSessionAsync("s-3"))!.RevokedAt);
    }

    [Fact]
    public async Task SecurityEvents_ReadNewestFirst_FilteredByTimeUserAndAddress()
    {
        var at = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        await Security.AppendSecurityEventAsync(new SecurityEvent(at, "sign-in-failed", "clerk", "10.0.0.7", "密码错误"));
        await Security.AppendSecurityEventAsync(new SecurityEvent(at.AddMinutes(1), "sign-in-failed", "nobody", "10.0.0.7"));
        await Security.AppendSecurityEventAsync(new SecurityEvent(at.AddMinutes(2), "sign-in", "clerk", "10.0.0.8"));

        var all = await Security.ReadSecurityEventsAsync(at);
        Assert.Equal(["sign-in", "sign-in-failed", "sign-in-failed"], all.Select(e => e.Kind));
        Assert.Equal("密码错误", all[2].Detail);
        Assert.Equal(at, all[2].At);
        Assert.Equal(2, (await Security.ReadSecurityEventsAsync(at, userName: "clerk")).Count);
        Assert.Equal(["nobody", "clerk"], (await Security.ReadSecurityEventsAsync(at, address: "10.0.0.7")).Select(e => e.UserName));
        Assert.Single(await Security.ReadSecurityEventsAsync(at.AddSeconds(90)));
        Assert.Single(await Security.ReadSecurityEventsAsync(at, take: 1));
    }
}
