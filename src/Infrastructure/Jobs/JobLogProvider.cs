using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace CareWorkspace.Infrastructure.Jobs;

/// <summary>
/// Hangfire's logging goes to the app's loggers. Hangfire keeps its log provider in a static, so with more than one app
/// in a process (tests) a later app may find an earlier app's logger factory disposed: then it logs nothing rather than
/// failing the job.
/// </summary>
internal sealed class JobLogProvider(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new ToLogger(loggers.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class ToLogger(ILogger logger) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => LogLevel.Trace,
                HangfireLogLevel.Debug => LogLevel.Debug,
                HangfireLogLevel.Info => LogLevel.Information,
                HangfireLogLevel.Warn => LogLevel.Warning,
                HangfireLogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (messageFunc is null)
                return logger.IsEnabled(level);
            try
            {
#pragma warning disable CA2254 // Hangfire hands over finished messages.
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
            }
            catch (ObjectDisposedException)
            {
                // The app that owned these loggers has stopped.
            }
            return true;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
