using Workflows.Server.Kiosk;
using Office = Workflows.Definitions.Model;

namespace Workflows.Server.Tests;

/// <summary>
/// The rating tablets' settings: office.yaml's <c>kiosk:</c> section over the defaults, and a
/// deployment's <c>WORKFLOWS_KIOSK_*</c> variable over office.yaml (docs/security.md, docs/settings.md).
/// </summary>
public sealed class KioskSettingsTests
{
    [Fact]
    public void WithoutASection_TheDefaultsApply()
    {
        var settings = KioskSettings.Resolve(null, KioskSettings.Overrides.None);
        Assert.Equal((6, 5, 15.0, 30.0, 90.0), (settings.PinLength, settings.PinFailureLimit, settings.PinLock.TotalMinutes,
            settings.PairingCodeLifetime.TotalMinutes, settings.SessionLifetime.TotalDays));
    }

    [Fact]
    public void OfficeYaml_SetsThem_AndTheEnvironmentOverridesOneByOne()
    {
        var office = new Office.KioskSettings { PinLength = 8, PinFailures = 3, PinLockMinutes = 60, PairingMinutes = 10, SessionDays = 30 };
        var fromOffice = KioskSettings.Resolve(office, KioskSettings.Overrides.None);
        Assert.Equal((8, 3, 60.0, 10.0, 30.0), (fromOffice.PinLength, fromOffice.PinFailureLimit, fromOffice.PinLock.TotalMinutes,
            fromOffice.PairingCodeLifetime.TotalMinutes, fromOffice.SessionLifetime.TotalDays));

        var environment = new Dictionary<string, string> { ["WORKFLOWS_KIOSK_PIN_LENGTH"] = "10", ["WORKFLOWS_KIOSK_SESSION_DAYS"] = "7", ["WORKFLOWS_KIOSK_PIN_FAILURES"] = "zero" };
        var overridden = KioskSettings.Resolve(office, KioskSettings.Overrides.FromEnvironment(environment.GetValueOrDefault));
        Assert.Equal(10, overridden.PinLength);
        Assert.Equal(TimeSpan.FromDays(7), overridden.SessionLifetime);
        Assert.Equal(3, overridden.PinFailureLimit); // not a number: office.yaml's value stands
        Assert.Equal(TimeSpan.FromMinutes(10), overridden.PairingCodeLifetime);
    }

    [Fact]
    public void TheSampleOffice_WritesTheDefaultsOut()
    {
        var set = Workflows.Definitions.Loading.DefinitionLoader.Load(Repo.Definitions, Repo.Templates);
        Assert.Equal(KioskSettings.Resolve(null, KioskSettings.Overrides.None), KioskSettings.Resolve(set.Office!.Kiosk, KioskSettings.Overrides.None));
        Assert.NotNull(set.Office.Kiosk);
    }
}
