using System.Text.RegularExpressions;

namespace Workflows.Server.Accounts;

/// <summary>A refused account change: a stable code and a message "中文 (English)".</summary>
public sealed record AccountProblem(string Code, string Message, int Status = 400);

/// <summary>
/// The rules of account administration, shared by the admin API and <c>workflows users</c>.
/// Codes WF96xx, never renumbered.
/// </summary>
public static partial class AccountRules
{
    public const int MinimumPasswordLength = 10;

    public const string PasswordTooShort = "WF9601";
    public const string PasswordOneClass = "WF9602";
    public const string UserNameInvalid = "WF9603";
    public const string AccountExists = "WF9604";
    public const string AccountNotFound = "WF9605";
    public const string PasswordChangeRequired = "WF9606";
    public const string CurrentPasswordWrong = "WF9607";
    public const string UnknownRoleDepartmentOrWindow = "WF9608";
    public const string DisplayNameRequired = "WF9609";

    /// <summary>At least 10 characters, and not all of one class (digits, lower-case, upper-case, other).</summary>
    public static AccountProblem? CheckPassword(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
            return new(PasswordTooShort, $"密码至少 {MinimumPasswordLength} 个字符 (the password needs at least {MinimumPasswordLength} characters)");
        var classes = new[] { password.Any(char.IsAsciiDigit), password.Any(char.IsAsciiLetterLower), password.Any(char.IsAsciiLetterUpper),
            password.Any(c => !char.IsAsciiLetterOrDigit(c)) }.Count(x => x);
        if (classes < 2)
            return new(PasswordOneClass, "密码不能只由一类字符组成，请混合数字、字母或符号 (mix digits, letters or symbols)");
        return null;
    }

    /// <summary>User names as the demo county has them: lower-case letters, digits, '-', '_' and '.', 2 to 40 characters.</summary>
    public static AccountProblem? CheckUserName(string? userName) =>
        userName is not null && UserNamePattern().IsMatch(userName) ? null
            : new(UserNameInvalid, "用户名只能包含小写字母、数字、-、_ 和 .，2 到 40 个字符 (user name: 2–40 of a-z 0-9 - _ .)");

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,39}$")]
    private static partial Regex UserNamePattern();
}
