using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Definitions.Validation;

namespace Workflows.Server.Documents;

/// <summary>
/// Who the acceptance-stage notices (受理, 不予受理, 补正, 容缺受理) speak for (DOMAIN §3): always the
/// licensing department, in its name and with its seal. When a delegated (委托) comprehensive window
/// accepted on the department's behalf, the notice adds the delegation line "XX受YY委托"; a stationed
/// window's staff and the department's own acceptance step (前台收件、后台受理) need none.
/// </summary>
public static class AcceptanceNotices
{
    public static JsonObject Of(ItemDefinition? item, Window? window, Office? office, Department? department)
    {
        var backOffice = item?.Workflow is { } workflow && AcceptanceSetUpRules.BackOfficeStep(workflow) is not null;
        var delegated = !backOffice && window?.Mode == WindowMode.Delegated && office is not null && department is not null;
        return new JsonObject
        {
            ["setUp"] = backOffice ? "back-office" : "window",
            ["delegation"] = delegated ? $"{office!.Name}受{department!.Name}委托" : null,
        };
    }
}
