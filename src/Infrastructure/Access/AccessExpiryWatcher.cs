using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Access;

/// <summary>
/// Consents and care-team memberships that end by date end when the Copenhagen day ends, with nobody saving anything.
/// This watcher notices the day change and signals the patients concerned on <see cref="PatientSection.Consents"/> or
/// <see cref="PatientSection.CareTeam"/>, so open pages and hub connections re-ask the policy and close at once.
/// </summary>
public sealed class AccessExpiryWatcher(
    IDbContextFactory<CareDbContext> dbFactory,
    IPathwayNotifier notifier,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<AccessExpiryWatcher> logger) : BackgroundService
{
    private DateOnly _checkedThrough = CopenhagenTime.Today(clock);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Access:ExpiryCheckInterval", TimeSpan.FromSeconds(10));
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not check for consents and memberships that ended by date; trying again shortly");
            }
        }
    }

    /// <summary>Signals every patient whose consent or membership had its last day between the previous check and today.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var today = CopenhagenTime.Today(clock);
        if (today <= _checkedThrough)
            return 0;
        var firstEnded = _checkedThrough;
        var lastEnded = today.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consents = await db.RelativeConsents.AsNoTracking()
            .Where(c => c.WithdrawnAt == null && c.ValidUntil != null && c.ValidUntil >= firstEnded && c.ValidUntil <= lastEnded)
            .Select(c => new { c.PatientId, c.Id })
            .ToListAsync(ct);
        var teams = await db.Patients.AsNoTracking()
            .Where(p => p.CareTeam.Any(m => m.To != null && m.To >= firstEnded && m.To <= lastEnded))
            .Select(p => p.Id)
            .ToListAsync(ct);
        foreach (var consent in consents)
            notifier.PathwayChanged(new PathwayChange(consent.PatientId, PatientSection.Consents, consent.Id));
        foreach (var patientId in teams)
            notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.CareTeam));
        _checkedThrough = today;
        if (consents.Count + teams.Count > 0)
            logger.LogInformation("{Consents} consents and the care teams of {Patients} patients changed with the end of {Day}", consents.Count, teams.Count, lastEnded);
        return consents.Count + teams.Count;
    }
}
