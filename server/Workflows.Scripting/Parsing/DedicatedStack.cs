using System.Runtime.ExceptionServices;

namespace Workflows.Scripting.Parsing;

/// <summary>
/// Runs work on a fresh thread with a large stack. Jint's parser is recursive descent: about a
/// kilobyte of stack per nesting level, so a few thousand nested brackets overflow a 1.5 MB
/// thread-pool stack, and a stack overflow cannot be caught: it ends the process. Parsing
/// happens once per distinct expression (results are cached), so a thread per parse is cheap.
/// </summary>
internal static class DedicatedStack
{
    // Virtual reservation only; pages are committed as the parser actually uses them.
    private const int StackBytes = 64 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "Workflows script parser",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
