using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text;

namespace Workflows.Server.Cli;

/// <summary>The one <c>workflows</c> command line: every verb is a small class of its own.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var root = new RootCommand("Workflows：政务服务事项定义、校验与办件服务 (definitions, validation and the case server)");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(FmtCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(DiffCommand.CreateGitDriver());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(WorkdaysCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(CreditCommand.Create());
        root.Subcommands.Add(RenderCommand.Create());
        return await InvokeInChineseAsync(root, args);
    }

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    /// <summary>
    /// Help and usage errors in Chinese first (System.CommandLine's own zh-Hans texts), each usage error
    /// followed by its English wording, as the server's messages are: the library words its errors
    /// while parsing, in the UI culture of that moment, so a failed parse is repeated in English.
    /// </summary>
    private static async Task<int> InvokeInChineseAsync(RootCommand root, string[] args)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption) option.Description = "显示帮助和用法 (show help and usage)";
            else if (option is VersionOption) option.Description = "显示版本 (show the version)";
        }
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count == 0 && parsed.Action is HelpAction) return await HelpInChineseAsync(parsed);
            if (parsed.Errors.Count == 0) return await parsed.InvokeAsync();
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            var english = root.Parse(args).Errors;
            for (var i = 0; i < parsed.Errors.Count; i++)
            {
                var zh = Untranslated(parsed.Errors[i].Message.TrimEnd('。', '.'));
                var en = i < english.Count ? english[i].Message.TrimEnd('.') : null;
                Console.Error.WriteLine(en is null || en == zh ? $"用法错误 (usage): {zh}" : $"用法错误: {zh} ({en})");
            }
            var command = string.Join(' ', parsed.CommandResult.Command is RootCommand ? [] : CommandPath(parsed.CommandResult.Command, root));
            Console.Error.WriteLine($"查看用法：./workflows {command}{(command.Length > 0 ? " " : "")}--help (see --help)");
            return BadUsage;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>
    /// The help text, with the few words the library's zh-Hans resources leave in English (the
    /// "Description:" heading, "(REQUIRED)", "[default: …]", the usage line's placeholders) in Chinese.
    /// </summary>
    private static async Task<int> HelpInChineseAsync(ParseResult parsed)
    {
        using var help = new StringWriter();
        var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = help });
        Console.Out.Write(TranslateHelp(help.ToString()));
        return exit;
    }

    internal static string TranslateHelp(string help)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(help, @"^Description:", "说明:", System.Text.RegularExpressions.RegexOptions.Multiline);
        text = text.Replace(" (REQUIRED)", "（必需）").Replace("[default: ", "[默认: ").Replace("[options]", "[选项]").Replace("[command]", "[命令]");
        return text.Replace("Workflows.Server ", "workflows ");
    }

    /// <summary>The few usage errors the library's zh-Hans resources do not translate.</summary>
    private static string Untranslated(string message)
    {
        var required = System.Text.RegularExpressions.Regex.Match(message, "^Option '([^']+)' is required$");
        return required.Success ? $"缺少必需的选项 {required.Groups[1].Value}" : message;
    }

    private static IEnumerable<string> CommandPath(Command command, RootCommand root)
    {
        var path = new List<string>();
        for (var c = command; c is not null && c != root; c = c.Parents.OfType<Command>().FirstOrDefault())
            path.Insert(0, c.Name);
        return path;
    }

    /// <summary>Exit codes shared by every verb.</summary>
    public const int Ok = 0, Failed = 1, BadUsage = 2;

    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return Failed;
    }
}
