using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.Patients;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>
/// The pathway summary for a discharge conference as a PDF: master data, care team, conditions, the parts other modules
/// add (<see cref="IPathwaySummaryPart"/>: plans, triage) and the upcoming appointments, each only where the reader may
/// see it. One logged read of all the sections it shows.
/// </summary>
public sealed class PathwaySummaryService(
    PatientAccessGuard guard,
    SharedReads sharedReads,
    IDbContextFactory<CareDbContext> dbFactory,
    TimeProvider clock,
    PathwaySummaryDocument document,
    IEnumerable<IPathwaySummaryPart> parts) : IPatientDataService
{
    /// <summary>How far ahead the summary lists appointments, and at most how many.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(180);

    public const int MaxAppointments = 40;

    public async Task<byte[]> WriteAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var partList = parts.OrderBy(p => p.Order).ToList();
        PatientSection[] wanted = [PatientSection.Relatives, PatientSection.CareTeam, PatientSection.Conditions, PatientSection.Calendar,
            .. partList.Select(p => p.Section)];
        var (sections, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.MasterData, "Pathway summary (PDF)", ct, wanted);
        var patient = await sharedReads.GetAsync(patientId, PatientSnapshot.Key, PatientSnapshot.DependsOn,
            (db, c) => PatientSnapshot.ReadAsync(db, patientId, c), ct: ct);
        // A PDF is a copy: items the patient blocked from the reader stay out, also those open to them only under emergency access.
        var keptOut = PatientAccessPolicy.ItemIdsKeptOutOfCopies(actor, relationship, BlockedItemKind.Condition);
        var conditions = patient.Conditions.Where(c => !keptOut.Contains(c.Id)).ToList();
        var overview = PatientOverviewService.For(actor, patient, conditions, sections, CopenhagenTime.Today(clock));
        var appointments = sections.Contains(PatientSection.Calendar)
            ? await UpcomingAsync(patientId, PatientAccessPolicy.ItemIdsKeptOutOfCopies(actor, relationship, BlockedItemKind.Appointment), ct)
            : null;
        var contributed = new List<IReadOnlyList<DocumentBlock>>();
        foreach (var part in partList.Where(p => sections.Contains(p.Section)))
            contributed.Add(await part.ComposeAsync(actor, patientId, ct));
        var somethingBlocked = PatientAccessPolicy.HasInformationBlockedFor(actor, relationship);
        return PdfDocumentWriter.Write(document.Compose(actor, overview, contributed, appointments, somethingBlocked));
    }

    private async Task<IReadOnlyList<AppointmentView>> UpcomingAsync(Guid patientId, IReadOnlyList<Guid> keptOut, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + Horizon;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hidden = keptOut.ToList();
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.End > now && a.Start < until && !hidden.Contains(a.Id)
                && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Proposed))
            .OrderBy(a => a.Start)
            .Take(MaxAppointments)
            .ToListAsync(ct);
        var organisationIds = appointments.Select(a => a.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToListAsync(ct);
        return appointments.Select(a => AppointmentViews.For(a, organisations)).ToList();
    }
}
