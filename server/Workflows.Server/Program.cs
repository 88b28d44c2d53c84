using Workflows.Server.Cli;

return await CliApp.RunAsync(args);
