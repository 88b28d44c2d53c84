namespace Workflows.Storage.Tests;

/// <summary>Rating tablets and windows' current cases, on both providers: one-time codes, newest case wins, security event targets.</summary>
public abstract partial class CaseStoreComplianceTests
{
    private IKioskStore Kiosk => Assert.IsAssignableFrom<IKioskStore>(Store);

    [Fact]
    public async Task KioskDevice_PairingCodeWorksOnce_AndOnlyBeforeItExpires()
    {
        var now = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        await Kiosk.SaveKioskDeviceAsync(new KioskDevice("kd-1", "一号评价器", "window-1", "pin-hash", now, "admin", "code-1", now.AddMinutes(30)));
        await Kiosk.SaveKioskDeviceAsync(new KioskDevice("kd-2", "二号评价器", "window-2", "pin-hash", now.AddSeconds(1), "admin", "code-2", now.AddMinutes(1)));
        await ReopenAsync();

        Assert.Null(await Kiosk.ClaimPairingCodeAsync("code-2", now.AddMinutes(2))); // expired
        var paired = await Kiosk.ClaimPairingCodeAsync("code-1", now.AddMinutes(5));
        Assert.Equal("kd-1", paired?.Id);
        Assert.Equal(now.AddMinutes(5), paired!.PairedAt);
        Assert.Null(paired.PairingCodeHash);
        Assert.Null(await Kiosk.ClaimPairingCodeAsync("code-1", now.AddMinutes(6))); // used
        await Kiosk.SaveKioskDeviceAsync(paired with { RevokedAt = now.AddHours(1), RevokedBy = "admin" });
        var listed = await Kiosk.ListKioskDevicesAsync();
        Assert.Equal(["kd-2", "kd-1"], listed.Select(d => d.Id));
        Assert.Equal("admin", listed[1].RevokedBy);
    }

    [Fact]
    public async Task WindowCase_KeepsTheNewest_PerWindow()
    {
        var now = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await Kiosk.SetWindowCaseAsync(new WindowCase("window-1", first, now, "clerk-1"));
        await Kiosk.SetWindowCaseAsync(new WindowCase("window-1", second, now.AddMinutes(1), "clerk-1"));
        await Kiosk.SetWindowCaseAsync(new WindowCase("window-1", first, now.AddSeconds(30), "clerk-1")); // late, older: ignored
        await ReopenAsync();
        Assert.Equal(second, (await Kiosk.FindWindowCaseAsync("window-1"))?.CaseId);
        Assert.Null(await Kiosk.FindWindowCaseAsync("window-2"));
    }

    [Fact]
    public async Task SecurityEvent_Target_ReadsBack()
    {
        var at = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        await Security.AppendSecurityEventAsync(new SecurityEvent(at, "account-changed", "admin", "10.0.0.1", "角色 clerk → 角色 admin", "zhang-san"));
        var read = Assert.Single(await Security.ReadSecurityEventsAsync(at.AddSeconds(-1), userName: "admin"));
        Assert.Equal("zhang-san", read.Target);
    }
}
