using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.UnitTests.Realtime;
using CareWorkspace.Web.Features.Live;
using CareWorkspace.Web.Localization;
using CareWorkspace.Web.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Live;

public sealed class LiveUpdatesCultureTests
{
    [Fact]
    public async Task A_change_published_in_English_reloads_a_Danish_readers_view_in_Danish()
    {
        var patientId = Guid.NewGuid();
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        await using var notifier = new PathwayNotifier(NullLogger<PathwayNotifier>.Instance, new ManualClock(DateTimeOffset.UnixEpoch));
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // The reader's circuit is Danish when its view starts watching.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CareCultures.Danish;
            // The circuit's dispatcher runs work in whatever culture its caller had: here an English one.
            using var live = new LiveUpdates(notifier, new CircuitReconnectNotifier(), work => Task.Run(() =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CareCultures.English;
                return work();
            }), () =>
            {
                seen.TrySetResult(CultureInfo.CurrentUICulture.Name);
                return Task.CompletedTask;
            }, NullLogger.Instance);
            live.WatchPatient(patientId, [PatientSection.CareTeam]);

            // The editor publishes from an English request.
            await Task.Run(() =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CareCultures.English;
                notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.CareTeam));
            }, TestContext.Current.CancellationToken);

            Assert.Equal(CareCultures.Danish.Name, await seen.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
