using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;
using Workflows.Domain;

namespace Workflows.Definitions.Validation;

/// <summary>The office, its departments, windows and roles: codes, the seal, the window setup.</summary>
public static class OfficeRules
{
    public static void Check(ValidationContext context, string root)
    {
        var set = context.Set;
        if (set.Office is { } office && !context.IsBroken(office))
        {
            CheckUscc(context, office, "Uscc", office.Uscc);
            if (!RegionCodes.IsPlausible(office.RegionCode))
                context.Error(DiagnosticCodes.InvalidRegionCode, office, "RegionCode",
                    $"行政区划代码 '{office.RegionCode}' 应为 6 位数字且以有效的省级代码开头（GB/T 2260） (invalid region code)");
            if (office.Seal.Length > 0 && !File.Exists(Path.Combine(root, office.Seal)))
                context.Error(DiagnosticCodes.MissingSeal, office, "Seal", $"印章图片 '{office.Seal}' 不存在 (seal image not found)");
            if (office.Clock?.WarningAt is { } fraction && (fraction <= 0 || fraction >= 1))
                context.Error(DiagnosticCodes.InvalidRange, office.Clock, "WarningAt", $"预警比例应在 0 与 1 之间，现为 {fraction} (warning-at must be between 0 and 1)");
            if (office.Devices is { } devices) CheckDevices(context, devices);
            if (office.Kiosk is { } kiosk) CheckKiosk(context, kiosk);
        }
        if (!context.IsBroken(set.Departments))
        {
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var department in set.Departments)
            {
                CheckUscc(context, department, "Uscc", department.Uscc);
                if (department.Seal is { Length: > 0 } seal && !File.Exists(Path.Combine(root, seal)))
                    context.Error(DiagnosticCodes.MissingSeal, department, "Seal", $"印章图片 '{seal}' 不存在 (seal image not found)");
                if (department.DocumentCode is { } code)
                {
                    // The 机关代字 opens the department's document numbers (桃水许准〔2026〕12号): two departments sharing one
                    // would issue the same number twice.
                    if (code.Length == 0 || code.Any(c => char.IsWhiteSpace(c) || c is '〔' or '〕' or '[' or ']'))
                        context.Error(DiagnosticCodes.InvalidValue, department, "DocumentCode", $"机关代字 '{code}' 不能为空，也不能含空白或六角括号 (invalid document code)");
                    else if (!codes.Add(code))
                        context.Error(DiagnosticCodes.DuplicateId, department, "DocumentCode", $"机关代字 '{code}' 与其他部门重复 (duplicate document code)");
                }
            }
        }
        IdentityRules.CheckUnique(context, set.Departments, d => d.Id, "部门");
        IdentityRules.CheckUnique(context, set.Windows, w => w.Id, "窗口");
        IdentityRules.CheckUnique(context, set.Roles, r => r.Id, "角色");
        if (!context.IsBroken(set.Windows) && !context.IsBroken(set.Departments)) CheckWindows(context);
    }

    /// <summary>The agent runs on the clerk's own PC: a ws(s) URL on a loopback host, nothing but an origin.</summary>
    private static void CheckDevices(ValidationContext context, DeviceSettings devices)
    {
        if (devices.Agent is { } agent && !IsLoopbackAgent(agent))
            context.Error(DiagnosticCodes.InvalidValue, devices, "Agent",
                $"设备代理地址 '{agent}' 应为本机地址，如 ws://127.0.0.1:17380 (the device agent must be a ws:// or wss:// URL on 127.0.0.1 or localhost)");
        IdentityRules.CheckUnique(context, devices.Printers, p => p.Id, "打印预设");
        foreach (var preset in devices.Printers)
            foreach (var (member, offset) in new[] { ("OffsetX", preset.OffsetX), ("OffsetY", preset.OffsetY) })
                if (offset is { } mm && (double.IsNaN(mm) || Math.Abs(mm) > 50))
                    context.Error(DiagnosticCodes.InvalidRange, preset, member, $"套打偏移应在 -50 与 50 毫米之间，现为 {mm} (calibration offset must be within ±50 mm)");
    }

    /// <summary>The tablets' numbers within sense: a PIN of 4 to 12 digits, locks and lifetimes neither zero nor endless.</summary>
    private static void CheckKiosk(ValidationContext context, KioskSettings kiosk)
    {
        foreach (var (member, value, least, most, what) in new[]
        {
            ("PinLength", kiosk.PinLength, 4, 12, "PIN 最少位数 (pin-length)"),
            ("PinFailures", kiosk.PinFailures, 1, 100, "PIN 错误次数上限 (pin-failures)"),
            ("PinLockMinutes", kiosk.PinLockMinutes, 1, 1440, "PIN 锁定分钟数 (pin-lock-minutes)"),
            ("PairingMinutes", kiosk.PairingMinutes, 1, 1440, "配对码有效分钟数 (pairing-minutes)"),
            ("SessionDays", kiosk.SessionDays, 1, 3650, "设备会话天数 (session-days)"),
        })
            if (value is { } n && (n < least || n > most))
                context.Error(DiagnosticCodes.InvalidRange, kiosk, member, $"{what} 应在 {least} 与 {most} 之间，现为 {n}");
    }

    public static bool IsLoopbackAgent(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss" && uri.IsLoopback
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.UserInfo.Length == 0;

    public static void CheckUscc(ValidationContext context, object owner, string member, string? code)
    {
        if (code is null || Uscc.IsValid(code)) return;
        var detail = code.Length == 18 && code[..17].All(c => "0123456789ABCDEFGHJKLMNPQRTUWXY".Contains(c))
            ? $"校验位应为 '{Uscc.ComputeCheckCharacter(code[..17])}'" : "应为 18 位数字或大写字母（不含 I、O、Z、S、V）";
        context.Error(DiagnosticCodes.InvalidUscc, owner, member, $"统一社会信用代码 '{code}' 无效，{detail} (invalid USCC, GB 32100)");
    }

    private static void CheckWindows(ValidationContext context)
    {
        var set = context.Set;
        if (set.Windows.Count > 0 && !set.Windows.Any(w => w.Kind == WindowKind.Issuance))
            context.Diagnostics.Error(DiagnosticCodes.WindowSetup, context.At(set.Windows), "没有统一出件窗口（kind: issuance） (no issuance window)");
        foreach (var window in set.Windows.Where(w => w.Kind == WindowKind.Comprehensive))
        {
            if (window.Departments.Count == 0)
                context.Error(DiagnosticCodes.WindowSetup, window, null, $"综合受理窗口 '{window.Id}' 未列出受理哪些部门的事项 (a comprehensive window needs departments)");
            if (window.Mode is null)
                context.Error(DiagnosticCodes.WindowSetup, window, null, $"综合受理窗口 '{window.Id}' 需注明受理模式 mode: stationed（派驻）或 delegated（委托） (mode required)");
        }
        foreach (var department in set.Departments)
        {
            if (set.Windows.Count > 0 && !set.Windows.Any(w => w.Departments.Contains(department.Id)))
                context.Warning(DiagnosticCodes.WindowSetup, department, "Id", $"没有窗口受理部门 '{department.Id}' 的事项 (no window accepts this department's items)");
        }
    }
}
