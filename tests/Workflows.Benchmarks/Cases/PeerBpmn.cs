using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Workflows.Benchmarks.Cases;

/// <summary>
/// bpmn-engine's lifecycles (<c>peer-bpmn/run.mjs</c>): node runs one lifecycle at a time on one
/// core, so <c>concurrency</c> node processes run at once, each its share of the lifecycles in its
/// own state folder. The rate is all lifecycles over the slowest process's measured time.
/// </summary>
public static class PeerBpmn
{
    public static async Task<double> PerSecondAsync(string peerFolder, string stateRoot, int count, int concurrency)
    {
        var share = Math.Max(1, count / concurrency);
        var runs = Enumerable.Range(0, concurrency).Select(i => RunAsync(peerFolder, Path.Combine(stateRoot, $"peer-{i}"), share)).ToList();
        var seconds = await Task.WhenAll(runs);
        return share * concurrency / seconds.Max();
    }

    private static async Task<double> RunAsync(string peerFolder, string stateDir, int count)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = peerFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run.mjs", count.ToString(), stateDir }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"bpmn-engine peer failed ({process.ExitCode}): {await stderr}");
        var line = (await stdout).Trim().Split('\n')[^1];
        return JsonNode.Parse(line)!["seconds"]!.GetValue<double>();
    }
}
