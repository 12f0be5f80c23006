using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.Patients;

namespace CareWorkspace.Web.Features.Pathway;

public sealed class PathwayHeaderService(
    PatientAccessGuard guard,
    SharedReads sharedReads,
    TimeProvider clock) : IPatientDataService
{
    private static readonly PatientSection[] Shown =
        [PatientSection.MasterData, PatientSection.Relatives, PatientSection.Conditions, PatientSection.CareTeam, PatientSection.Triage];

    /// <summary>Opening the record: the relationship and the record are shared reads, the decision is this viewer's own.</summary>
    public async Task<PathwayHeader> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        // Whoever may see any part of the record sees whose record it is; CPR and age are personal details (MasterData).
        var (read, visible) = await guard.DemandSharedEntryAsync(actor, patientId, "Pathway header", ct, Shown);
        // The condition chips leave out what the patient blocked from this viewer (the same shared relationship the read was decided on).
        var relationship = await guard.SharedRelationshipAsync(patientId, ct) ?? throw new PatientNotFoundException(patientId);
        var (header, conditions) = await BuildAsync(actor, relationship, read, visible, ct);
        if (read.Contains(PatientSection.Conditions))
            await guard.RecordItemsUnderEmergencyAsync(actor, relationship, PatientSection.Conditions, "Pathway header", conditions.ShownUnderEmergency, ct);
        return header;
    }

    /// <summary>
    /// A live re-check of the header the viewer has open (a watched section changed, or the browser reconnected): the
    /// viewer's own decision and the header are worked out in memory on the shared reads. When that header shows exactly
    /// what <paramref name="shown"/> shows, nothing new reaches the viewer: nothing is recorded and <paramref name="shown"/>
    /// comes back. Anything else — another header, a refusal, an unknown patient — is an ordinary read (<see cref="GetAsync"/>),
    /// recorded and durable before it returns (ADR-003).
    /// </summary>
    public async Task<PathwayHeader> RecheckAsync(Actor actor, Guid patientId, PathwayHeader shown, CancellationToken ct = default)
    {
        if (shown.PatientId == patientId && await guard.SharedRelationshipAsync(patientId, ct) is { } relationship
            && PatientAccessGuard.EntryReadOf(actor, relationship, Shown) is { } decided)
        {
            var (header, _) = await BuildAsync(actor, relationship, decided.Read, decided.Readable, ct);
            if (PathwayHeader.Same(shown, header))
                return shown;
        }
        return await GetAsync(actor, patientId, ct);
    }

    private async Task<(PathwayHeader Header, (IReadOnlyList<ConditionRow> Shown, IReadOnlyList<AccessDecision> ShownUnderEmergency) Conditions)> BuildAsync(Actor actor, PatientRelationship relationship,
        IReadOnlySet<PatientSection> read, IReadOnlySet<PatientSection> visible, CancellationToken ct)
    {
        var patientId = relationship.PatientId;
        var patient = await sharedReads.GetAsync(patientId, PatientSnapshot.Key, PatientSnapshot.DependsOn,
            (db, c) => PatientSnapshot.ReadAsync(db, patientId, c), ct: ct);
        var colour = read.Contains(PatientSection.Triage)
            ? await sharedReads.GetAsync(patientId, TriageColours.SharedKey, TriageColours.DependsOn, (db, c) => TriageColours.CurrentAsync(db, patientId, c), ct: ct)
            : null;
        var conditions = patient.ConditionsFor(actor, relationship);
        return (For(patient, conditions.Shown, read, visible, CopenhagenTime.Today(clock)) with { TriageColour = colour }, conditions);
    }

    /// <summary>One viewer's header: only the sections that viewer's read was allowed (and recorded) for, and the conditions the viewer may see.</summary>
    public static PathwayHeader For(PatientSnapshot patient, IReadOnlyList<ConditionRow> conditions, IReadOnlySet<PatientSection> read,
        IReadOnlySet<PatientSection> visible, DateOnly today)
    {
        var details = read.Contains(PatientSection.MasterData);
        var contact = read.Contains(PatientSection.Relatives) ? patient.ContactRelative : null;
        return new PathwayHeader(
            patient.Id,
            patient.Name,
            details ? patient.Cpr.Display : null,
            details ? patient.Cpr.AgeOn(today) : null,
            contact?.Name,
            contact?.Phone,
            details || read.Contains(PatientSection.CareTeam) ? patient.Gp?.Name : null,
            read.Contains(PatientSection.Conditions) ? [.. conditions.Select(c => c.Text)] : [],
            visible);
    }
}
