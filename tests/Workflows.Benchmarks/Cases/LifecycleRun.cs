using System.Diagnostics;
using Workflows.Engine.Commands;
using Workflows.Engine.State;
using Workflows.Server.Cases;

namespace Workflows.Benchmarks.Cases;

/// <summary>
/// Complete lifecycles through <see cref="CaseService"/>, every command its own committed
/// transaction, as the API runs them: receive, accept, complete review, complete both parallel
/// reviews, complete the decision. <c>concurrency</c> lifecycles are in flight at once.
/// </summary>
public static class LifecycleRun
{
    /// <returns>Lifecycles per second, and this process's CPU time (all threads) per lifecycle.</returns>
    public static async Task<(double PerSecond, double CpuMsPerLifecycle)> RunAsync(CaseService service, int count, int concurrency)
    {
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count) await OneAsync(service);
        }));
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed;
        return (count / elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count);
    }

    /// <summary>One lifecycle from receipt to completion; returns the id of the completed case.</summary>
    public static async Task<Guid> OneAsync(CaseService service, ReceiveMaterials? receive = null)
    {
        var id = Guid.NewGuid();
        await Run(service, id, receive ?? LifecycleCounty.Receive(), LifecycleCounty.ItemId);
        var s = await Run(service, id, new Accept(LifecycleCounty.Clerk));
        s = await Run(service, id, new CompleteTask(LifecycleCounty.Reviewer, TaskAt(s, "review"), null, "同意"));
        var water = TaskAt(s, "review-water");
        s = await Run(service, id, new CompleteTask(LifecycleCounty.Reviewer, TaskAt(s, "review-agriculture"), null, "同意"));
        s = await Run(service, id, new CompleteTask(LifecycleCounty.WaterReviewer, water, null, "同意"));
        s = await Run(service, id, new CompleteTask(LifecycleCounty.Head, TaskAt(s, "decide"), null, "准予"));
        if (s.ActiveTasks.Any()) throw new InvalidOperationException($"case {id} still has open tasks after the decision: {s.Status}");
        return id;
    }

    private static async Task<CaseState> Run(CaseService service, Guid id, CaseCommand command, string? itemId = null)
    {
        var result = await service.ExecuteAsync(id, command, itemId: itemId);
        return result is CaseCommandResult.Ok ok ? ok.State : throw new InvalidOperationException($"{command.GetType().Name} on {id}: {result}");
    }

    private static string TaskAt(CaseState state, string step) =>
        state.ActiveTasks.Single(t => t.StepId == step).Id;
}
