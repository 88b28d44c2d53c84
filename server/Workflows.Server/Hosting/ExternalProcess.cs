using System.Diagnostics;

namespace Workflows.Server.Hosting;

/// <summary>Runs git and tar for the work tree and the diff: arguments passed as a list (no shell), stderr kept for the error message.</summary>
public static class ExternalProcess
{
    public sealed record Outcome(int ExitCode, string Error);

    /// <param name="stdoutTo">A file that receives standard output (binary-safe, e.g. a git archive); null discards it.</param>
    public static Outcome Run(string file, IEnumerable<string> arguments, string? workingDirectory = null, string? stdoutTo = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        using (var output = stdoutTo is null ? Stream.Null : File.Create(stdoutTo))
            process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        return new Outcome(process.ExitCode, error.Result);
    }
}
