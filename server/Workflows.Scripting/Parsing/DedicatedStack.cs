using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Workflows.Scripting.Parsing;

/// <summary>
/// Runs work on a thread with a large stack. Jint's parser is recursive descent: about a
/// kilobyte of stack per nesting level, so a few thousand nested brackets overflow a 1.5 MB
/// thread-pool stack, and a stack overflow cannot be caught: it ends the process.
/// The threads are kept (one per core) because validating a county parses thousands of
/// one-line expressions, and starting a thread per parse cost more than the parse itself.
/// </summary>
internal static class DedicatedStack
{
    // Virtual reservation only; pages are committed as the parser actually uses them.
    private const int StackBytes = 64 * 1024 * 1024;

    private static readonly BlockingCollection<Action> Work = StartWorkers();

    [ThreadStatic] private static bool _onDedicatedThread;

    public static T Run<T>(Func<T> work)
    {
        // Already on a large stack (nested use): run in place rather than wait on ourselves.
        if (_onDedicatedThread) return work();

        T result = default!;
        ExceptionDispatchInfo? failure = null;
        using var done = new ManualResetEventSlim();
        Work.Add(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
            finally
            {
                done.Set();
            }
        });
        done.Wait();
        failure?.Throw();
        return result;
    }

    private static BlockingCollection<Action> StartWorkers()
    {
        var queue = new BlockingCollection<Action>();
        for (var i = 0; i < Math.Max(2, Environment.ProcessorCount); i++)
        {
            new Thread(
                () =>
                {
                    _onDedicatedThread = true;
                    foreach (var item in queue.GetConsumingEnumerable()) item();
                },
                StackBytes)
            {
                IsBackground = true,
                Name = "Workflows script parser",
            }.Start();
        }
        return queue;
    }
}
