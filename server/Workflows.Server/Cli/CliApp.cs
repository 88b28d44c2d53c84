using System.CommandLine;
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
        root.Subcommands.Add(RenderCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Exit codes shared by every verb.</summary>
    public const int Ok = 0, Failed = 1, BadUsage = 2;

    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return Failed;
    }
}
