using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Workflows.Server.Effects;

/// <summary>
/// Hangfire's log provider is process-wide, where ASP.NET Core's logger factory belongs to one
/// host: with several hosts in a process (tests), the first host's disposed factory would break the
/// others. This provider follows the latest host's factory and stays silent once it is gone.
/// </summary>
internal sealed class HangfireLogs : ILogProvider
{
    private static ILoggerFactory? _factory;

    public static void Use(ILoggerFactory factory) => _factory = factory;

    public ILog GetLogger(string name) => new Forwarder(name);

    private sealed class Forwarder(string name) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                if (_factory?.CreateLogger(name) is not { } logger) return false;
                var level = logLevel switch
                {
                    HangfireLevel.Trace => LogLevel.Trace,
                    HangfireLevel.Debug => LogLevel.Debug,
                    HangfireLevel.Info => LogLevel.Information,
                    HangfireLevel.Warn => LogLevel.Warning,
                    HangfireLevel.Error => LogLevel.Error,
                    _ => LogLevel.Critical,
                };
                if (messageFunc is null) return logger.IsEnabled(level);
                if (logger.IsEnabled(level)) logger.Log(level, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
