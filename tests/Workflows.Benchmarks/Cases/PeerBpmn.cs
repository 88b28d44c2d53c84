using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Workflows.Benchmarks.Cases;

/// <summary>
/// bpmn-engine's lifecycles (<c>peer-bpmn/run.mjs</c>): node runs one lifecycle at a time on one
/// core, so <c>concurrency</c> node processes run at once, each its share of the lifecycles in its
/// own state folder. The rate is all lifecycles over the slowest process's measured time; the CPU
/// time is what the processes report for their measured loops (user + system).
/// </summary>
public static class PeerBpmn
{
    public static async Task<(double PerSecond, double CpuMsPerLifecycle)> RunAsync(string peerFolder, string stateRoot, int count, int concurrency)
    {
        var share = Math.Max(1, count / concurrency);
        var runs = Enumerable.Range(0, concurrency).Select(i => RunOneAsync(peerFolder, Path.Combine(stateRoot, $"peer-{i}"), share)).ToList();
        var results = await Task.WhenAll(runs);
        return (share * concurrency / results.Max(r => r.Seconds), results.Sum(r => r.CpuMs) / (share * concurrency));
    }

    private static async Task<(double Seconds, double CpuMs)> RunOneAsync(string peerFolder, string stateDir, int count)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = peerFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run.mjs", count.ToString(), stateDir }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"bpmn-engine peer failed ({process.ExitCode}): {await stderr}");
        var line = (await stdout).Trim().Split('\n')[^1];
        var json = JsonNode.Parse(line)!;
        return (json["seconds"]!.GetValue<double>(), json["cpuMs"]!.GetValue<double>());
    }
}
