using System.Reflection;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Conferences;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.CalendarFeeds;
using CareWorkspace.Web.Features.CarePlans;
using CareWorkspace.Web.Features.CareTeam;
using CareWorkspace.Web.Features.Conferences;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Documents;
using CareWorkspace.Web.Features.FhirApi;
using CareWorkspace.Web.Features.FollowUp;
using CareWorkspace.Web.Features.Medicines.Allergies;
using CareWorkspace.Web.Features.Messages;
using CareWorkspace.Web.Features.Pathway;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Features.Rehabilitation;
using CareWorkspace.Web.Features.Sharing;
using CareWorkspace.Web.Features.Timeline;
using CareWorkspace.Web.Features.Video;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>Every use of patient data, allowed or refused, leaves an access record.</summary>
public abstract class AccessLogTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A way to call one public method of a patient data service as an actor who may do so. Arrange runs first
    /// (with the same service) and prepares what the call needs; its own access records are counted before the call,
    /// so they are never mistaken for the record of the method under test.
    /// </summary>
    private sealed record Scenario(
        string UserName,
        AccessAction Action,
        Func<object, Actor, Guid, CancellationToken, Task<object?>> Arrange,
        Func<object, Actor, Guid, object?, CancellationToken, Task> Invoke)
    {
        public static Scenario Of<TService>(string userName, AccessAction action, Func<TService, Actor, Guid, CancellationToken, Task> invoke) =>
            new(userName, action,
                (_, _, _, _) => Task.FromResult<object?>(null),
                (service, actor, patientId, _, ct) => invoke((TService)service, actor, patientId, ct));

        public static Scenario Of<TService, TState>(string userName, AccessAction action,
            Func<TService, Actor, Guid, CancellationToken, Task<TState>> arrange,
            Func<TService, Actor, Guid, TState, CancellationToken, Task> invoke) =>
            new(userName, action,
                async (service, actor, patientId, ct) => await arrange((TService)service, actor, patientId, ct),
                (service, actor, patientId, state, ct) => invoke((TService)service, actor, patientId, (TState)state!, ct));
    }

    private const string Gp = "gp.larsen";
    private const string Nurse = "nurse.holm";

    /// <summary>The app under test, for scenarios that book an appointment before the call (set by the test that runs them).</summary>
    private static readonly AsyncLocal<CareAppFactory?> Current = new();

    /// <summary>
    /// One scenario per public method of every <see cref="IPatientDataService"/>, keyed by its signature.
    /// A new service or method fails <see cref="Every_patient_data_method_writes_an_access_record"/> until it gets one here.
    /// </summary>
    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["PatientDirectoryService.SearchAsync(Actor, String, Int32, Int32, CancellationToken)"] =
            Scenario.Of<PatientDirectoryService>(Gp, AccessAction.Search,
                (s, actor, _, ct) => s.SearchAsync(actor, "Jens Jensen", 0, 20, ct)),
        ["PatientOverviewService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<PatientOverviewService>("nurse.holm", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),

        ["PathwayHeaderService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<PathwayHeaderService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
        // A re-check that shows something new (here: a header whose GP the viewer was shown differently) is a recorded read.
        ["PathwayHeaderService.RecheckAsync(Actor, Guid, PathwayHeader, CancellationToken)"] =
            Scenario.Of<PathwayHeaderService, PathwayHeader>(Gp, AccessAction.Read,
                async (s, actor, patientId, ct) => await s.GetAsync(actor, patientId, ct) with { GpName = "Not the GP any more" },
                (s, actor, patientId, shown, ct) => s.RecheckAsync(actor, patientId, shown, ct)),

        ["CareTeamService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<CareTeamService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
        // A re-check whose care team part shows something new (here: a tab shown with a different contact channel) is a recorded read.
        ["CareTeamService.RecheckAsync(Actor, Guid, CareTeamView, CancellationToken)"] =
            Scenario.Of<CareTeamService, CareTeamView>(Gp, AccessAction.Read,
                async (s, actor, patientId, ct) =>
                {
                    var shown = await s.GetAsync(actor, patientId, ct);
                    return shown with { PreferredContactChannel = shown.PreferredContactChannel == ContactChannel.Phone ? ContactChannel.Letter : ContactChannel.Phone };
                },
                (s, actor, patientId, shown, ct) => s.RecheckAsync(actor, patientId, shown, ct)),
        ["CareTeamService.AddMemberAsync(Actor, Guid, CareTeamMemberInput, CancellationToken)"] =
            Scenario.Of<CareTeamService, CareTeamMemberInput>(Gp, AccessAction.Create,
                async (s, actor, patientId, ct) => PathwayTestData.Member(await s.GetAsync(actor, patientId, ct)),
                (s, actor, patientId, input, ct) => s.AddMemberAsync(actor, patientId, input, ct)),
        ["CareTeamService.ChangeMemberAsync(Actor, Guid, Guid, Guid, CareTeamMemberInput, CancellationToken)"] =
            Scenario.Of<CareTeamService, (CareTeamMemberView Member, CareTeamMemberInput Input)>(Gp, AccessAction.Update,
                AddMemberAsync,
                (s, actor, patientId, added, ct) => s.ChangeMemberAsync(actor, patientId, added.Member.Id, added.Member.Version,
                    added.Input with { PersonName = "Changed " + PathwayTestData.Unique() }, ct)),
        ["CareTeamService.EndMemberAsync(Actor, Guid, Guid, Guid, DateOnly, CancellationToken)"] =
            Scenario.Of<CareTeamService, (CareTeamMemberView Member, CareTeamMemberInput Input)>(Gp, AccessAction.Update,
                AddMemberAsync,
                (s, actor, patientId, added, ct) => s.EndMemberAsync(actor, patientId, added.Member.Id, added.Member.Version, added.Member.From.AddDays(1), ct)),
        ["CareTeamService.AddRelativeAsync(Actor, Guid, RelativeInput, CancellationToken)"] =
            Scenario.Of<CareTeamService>(Gp, AccessAction.Create,
                (s, actor, patientId, ct) => s.AddRelativeAsync(actor, patientId, PathwayTestData.Relative(), ct)),
        ["CareTeamService.ChangeRelativeAsync(Actor, Guid, Guid, Guid, RelativeInput, CancellationToken)"] =
            Scenario.Of<CareTeamService, RelativeView>(Gp, AccessAction.Update,
                AddRelativeAsync,
                (s, actor, patientId, relative, ct) => s.ChangeRelativeAsync(actor, patientId, relative.Id, relative.Version,
                    PathwayTestData.Relative(relative.Name, "+45 40 99 88 77"), ct)),
        ["CareTeamService.RemoveRelativeAsync(Actor, Guid, Guid, Guid, CancellationToken)"] =
            Scenario.Of<CareTeamService, RelativeView>(Gp, AccessAction.Delete,
                AddRelativeAsync,
                (s, actor, patientId, relative, ct) => s.RemoveRelativeAsync(actor, patientId, relative.Id, relative.Version, ct)),
        ["CareTeamService.ChangeContactChannelAsync(Actor, Guid, ContactChannel, ContactChannel, CancellationToken)"] =
            Scenario.Of<CareTeamService, ContactChannel>(Gp, AccessAction.Update,
                async (s, actor, patientId, ct) => (await s.GetAsync(actor, patientId, ct)).PreferredContactChannel,
                (s, actor, patientId, current, ct) => s.ChangeContactChannelAsync(actor, patientId, current,
                    current == ContactChannel.SecureMessage ? ContactChannel.Phone : ContactChannel.SecureMessage, ct)),

        ["TimelineService.GetAsync(Actor, Guid, TimelineFilter, Int32, Int32, CancellationToken)"] =
            Scenario.Of<TimelineService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, new TimelineFilter(), 0, 20, ct)),

        ["MessageService.ListThreadsAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<MessageService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.ListThreadsAsync(actor, patientId, ct)),
        ["MessageService.OpenThreadAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<MessageService, Guid>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.StartThreadAsync(actor, patientId, PathwayTestData.Thread(), [], ct),
                (s, actor, _, threadId, ct) => s.OpenThreadAsync(actor, threadId, ct)),
        ["MessageService.StartThreadAsync(Actor, Guid, NewThreadInput, IReadOnlyList`1, CancellationToken)"] =
            Scenario.Of<MessageService>(Gp, AccessAction.Create,
                (s, actor, patientId, ct) => s.StartThreadAsync(actor, patientId, PathwayTestData.Thread(), [PathwayTestData.Pdf()], ct)),
        ["MessageService.ReplyAsync(Actor, Guid, String, Boolean, IReadOnlyList`1, CancellationToken)"] =
            Scenario.Of<MessageService, Guid>(Gp, AccessAction.Create,
                (s, actor, patientId, ct) => s.StartThreadAsync(actor, patientId, PathwayTestData.Thread(), [], ct),
                (s, actor, _, threadId, ct) => s.ReplyAsync(actor, threadId, "A reply.", false, [], ct)),
        ["MessageService.MarkActionHandledAsync(Actor, Guid, Nullable`1, CancellationToken)"] =
            Scenario.Of<MessageService, Guid>(Gp, AccessAction.Update,
                (s, actor, patientId, ct) => s.StartThreadAsync(actor, patientId, PathwayTestData.Thread(needsAction: true), [], ct),
                (s, actor, _, threadId, ct) => s.MarkActionHandledAsync(actor, threadId, null, ct)),
        ["MessageService.OpenAttachmentAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<MessageService, Guid>(Gp, AccessAction.Read,
                async (s, actor, patientId, ct) =>
                {
                    var threadId = await s.StartThreadAsync(actor, patientId, PathwayTestData.Thread(), [PathwayTestData.Pdf()], ct);
                    var thread = await s.OpenThreadAsync(actor, threadId, ct);
                    return thread.Messages.Single().Attachments.Single().Id;
                },
                async (s, actor, _, attachmentId, ct) => await PathwayTestData.ReadAllAsync((await s.OpenAttachmentAsync(actor, attachmentId, ct)).Content, ct)),

        ["ConsentService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<ConsentService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
        ["ConsentService.GrantAsync(Actor, Guid, ConsentInput, CancellationToken)"] =
            Scenario.Of<ConsentService, ConsentInput>(Gp, AccessAction.Create,
                UllasConsentAgainAsync,
                (s, actor, patientId, input, ct) => s.GrantAsync(actor, patientId, input, ct)),
        ["ConsentService.WithdrawAsync(Actor, Guid, Guid, String, CancellationToken)"] =
            Scenario.Of<ConsentService, (Guid Id, ConsentInput Input)>(Gp, AccessAction.Update,
                async (s, actor, patientId, ct) =>
                {
                    var input = await UllasConsentAgainAsync(s, actor, patientId, ct);
                    return (await s.GrantAsync(actor, patientId, input, ct), input);
                },
                async (s, actor, patientId, consent, ct) =>
                {
                    await s.WithdrawAsync(actor, patientId, consent.Id, "Access log test", ct);
                    // Ulla keeps following Jens in the other tests of this class.
                    await s.GrantAsync(actor, patientId, consent.Input, ct);
                }),

        ["VideoConsultationService.ListOpenAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<VideoConsultationService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.ListOpenAsync(actor, patientId, ct)),
        ["VideoConsultationService.ListOpenAsync(Actor, IReadOnlyCollection`1, CancellationToken)"] =
            Scenario.Of<VideoConsultationService, Guid>(Gp, AccessAction.Read,
                (_, _, _, ct) => ConsultationTestData.BookVideoAsync(Current.Value!, ct),
                (s, actor, patientId, appointmentId, ct) => s.ListOpenAsync(actor, [(patientId, appointmentId)], ct)),
        ["VideoConsultationService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<VideoConsultationService, Guid>(Gp, AccessAction.Read,
                (_, _, _, ct) => ConsultationTestData.BookVideoAsync(Current.Value!, ct),
                (s, actor, _, appointmentId, ct) => s.GetAsync(actor, appointmentId, ct)),
        ["VideoConsultationService.StartAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<VideoConsultationService, Guid>(Gp, AccessAction.Update,
                (_, _, _, ct) => ConsultationTestData.BookVideoAsync(Current.Value!, ct),
                (s, actor, _, appointmentId, ct) => s.StartAsync(actor, appointmentId, ct)),
        ["VideoConsultationService.JoinAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<VideoConsultationService, Guid>("jens", AccessAction.Read,
                (_, _, _, ct) => ConsultationTestData.BookVideoAsync(Current.Value!, ct),
                (s, actor, _, appointmentId, ct) => s.JoinAsync(actor, appointmentId, ct)),
        ["VideoConsultationService.InviteRelativeAsync(Actor, Guid, String, CancellationToken)"] =
            Scenario.Of<VideoConsultationService, (Guid Appointment, string Relative)>(Gp, AccessAction.Update,
                async (_, _, patientId, ct) =>
                {
                    var factory = Current.Value!;
                    var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, patientId, ct);
                    await using var scope = factory.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ConsentService>().GrantAsync(await factory.ActorAsync("jens", ct), patientId,
                        new ConsentInput(relative.UserId, [PatientSection.Calendar], null, "Access log test"), ct);
                    return (await ConsultationTestData.BookVideoAsync(factory, ct), relative.UserId);
                },
                (s, actor, _, state, ct) => s.InviteRelativeAsync(actor, state.Appointment, state.Relative, ct)),

        ["ConferenceService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<ConferenceService, Guid>(Gp, AccessAction.Read,
                (_, _, _, ct) => ConsultationTestData.BookConferenceAsync(Current.Value!, ct),
                (s, actor, _, conferenceId, ct) => s.GetAsync(actor, conferenceId, ct)),
        ["ConferenceService.WriteMinutesAsync(Actor, Guid, String, Nullable`1, CancellationToken)"] =
            Scenario.Of<ConferenceService, Guid>(Gp, AccessAction.Update,
                (_, _, _, ct) => ConsultationTestData.BookConferenceAsync(Current.Value!, ct),
                (s, actor, _, conferenceId, ct) => s.WriteMinutesAsync(actor, conferenceId, "Access log test", null, ct)),
        ["ConferenceService.FinishAsync(Actor, Guid, IReadOnlyList`1, CancellationToken)"] =
            Scenario.Of<ConferenceService, Guid>(Gp, AccessAction.Update,
                async (s, actor, _, ct) =>
                {
                    var conferenceId = await ConsultationTestData.BookConferenceAsync(Current.Value!, ct);
                    await s.WriteMinutesAsync(actor, conferenceId, "Access log test", null, ct);
                    return conferenceId;
                },
                (s, actor, _, conferenceId, ct) => s.FinishAsync(actor, conferenceId, [new ConferenceAttendee(actor.DisplayName, null)], ct)),

        ["MedicationListService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.MedicationListService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
        ["MedicationPrescribingService.CheckAsync(Actor, Guid, LocalPrescription, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.MedicationPrescribingService>(Gp, AccessAction.Create,
                (s, actor, patientId, ct) => s.CheckAsync(actor, patientId, AccessLogPrescription(), ct)),
        ["MedicationPrescribingService.PrescribeAsync(Actor, Guid, LocalPrescription, String, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.MedicationPrescribingService>(Gp, AccessAction.Create,
                (s, actor, patientId, ct) => s.PrescribeAsync(actor, patientId, AccessLogPrescription(), "Access log test", ct)),
        ["MedicationPrescribingService.PauseAsync(Actor, Guid, Guid, Guid, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.MedicationPrescribingService, (Guid Id, Guid Version)>(Gp, AccessAction.Update,
                PrescribeAsync,
                (s, actor, patientId, entry, ct) => s.PauseAsync(actor, patientId, entry.Id, entry.Version, ct)),
        ["MedicationPrescribingService.ResumeAsync(Actor, Guid, Guid, Guid, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.MedicationPrescribingService, (Guid Id, Guid Version)>(Gp, AccessAction.Update,
                async (s, actor, patientId, ct) =>
                {
                    var entry = await PrescribeAsync(s, actor, patientId, ct);
                    await s.PauseAsync(actor, patientId, entry.Id, entry.Version, ct);
                    return (entry.Id, await EntryVersionAsync(actor, patientId, entry.Id, ct));
                },
                (s, actor, patientId, entry, ct) => s.ResumeAsync(actor, patientId, entry.Id, entry.Version, ct)),
        ["MedicationPrescribingService.StopAsync(Actor, Guid, Guid, Guid, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.MedicationPrescribingService, (Guid Id, Guid Version)>(Gp, AccessAction.Update,
                PrescribeAsync,
                (s, actor, patientId, entry, ct) => s.StopAsync(actor, patientId, entry.Id, entry.Version, ct)),
        ["MedicationPrescribingService.GetDoseAsync(Actor, Guid, Guid, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.MedicationPrescribingService, (Guid Id, Guid Version)>(Gp, AccessAction.Read,
                PrescribeAsync,
                (s, actor, patientId, entry, ct) => s.GetDoseAsync(actor, patientId, entry.Id, ct)),
        ["MedicationPrescribingService.CheckDoseAsync(Actor, Guid, Guid, NewDose, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.MedicationPrescribingService, (Guid Id, Guid Version)>(Gp, AccessAction.Update,
                PrescribeAsync,
                (s, actor, patientId, entry, ct) => s.CheckDoseAsync(actor, patientId, entry.Id, AccessLogDose(), ct)),
        ["MedicationPrescribingService.ChangeDoseAsync(Actor, Guid, Guid, Guid, NewDose, String, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.MedicationPrescribingService, (Guid Id, Guid Version)>(Gp, AccessAction.Update,
                PrescribeAsync,
                (s, actor, patientId, entry, ct) => s.ChangeDoseAsync(actor, patientId, entry.Id, entry.Version, AccessLogDose(), "Access log test", ct)),
        ["MedicationReconciliationService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Reconciliation.MedicationReconciliationService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
        ["MedicationReconciliationService.GetDischargeFormAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Reconciliation.MedicationReconciliationService>("hospital.doctor", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetDischargeFormAsync(actor, patientId, ct)),
        ["MedicationReconciliationService.RecordDischargeListAsync(Actor, Guid, DateOnly, IReadOnlyList`1, Nullable`1, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Reconciliation.MedicationReconciliationService, Guid?>("hospital.doctor", AccessAction.Create,
                async (s, actor, patientId, ct) => (await s.GetDischargeFormAsync(actor, patientId, ct)).Awaiting?.Id,
                (s, actor, patientId, awaiting, ct) => s.RecordDischargeListAsync(actor, patientId, new DateOnly(2026, 11, 1), [AccessLogPrescription()], awaiting, ct)),
        ["MedicationReconciliationService.CorrectDischargeListAsync(Actor, Guid, Guid, Int32, DateOnly, IReadOnlyList`1, String, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Reconciliation.MedicationReconciliationService, Guid>("hospital.doctor", AccessAction.Update,
                RecordDischargeListAsync,
                (s, actor, patientId, listId, ct) => s.CorrectDischargeListAsync(actor, patientId, listId, 1, new DateOnly(2026, 11, 2),
                    [AccessLogPrescription()], "Access log test", ct)),
        ["MedicationReconciliationService.WithdrawDischargeListAsync(Actor, Guid, Guid, Int32, String, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Reconciliation.MedicationReconciliationService, Guid>("hospital.doctor", AccessAction.Update,
                RecordDischargeListAsync,
                (s, actor, patientId, listId, ct) => s.WithdrawDischargeListAsync(actor, patientId, listId, 1, "Access log test", ct)),
        ["MedicationReconciliationService.FinishAsync(Actor, Guid, Guid, String, IReadOnlyDictionary`2, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Reconciliation.MedicationReconciliationService, Web.Features.Medicines.Reconciliation.ReconciliationView>(Gp,
                AccessAction.Update,
                async (s, actor, patientId, ct) =>
                {
                    var doctor = await Current.Value!.ActorAsync("hospital.doctor", ct);
                    await s.RecordDischargeListAsync(doctor, patientId, new DateOnly(2026, 12, 31), [AccessLogPrescription()],
                        (await s.GetDischargeFormAsync(doctor, patientId, ct)).Awaiting?.Id, ct);
                    return (await s.GetAsync(actor, patientId, ct))!;
                },
                // Every difference rejected: the scenario leaves the current list as it was.
                (s, actor, patientId, view, ct) => s.FinishAsync(actor, patientId, view.DischargeListId, view.Basis,
                    view.Rows.Where(r => r.NeedsDecision).ToDictionary(r => r.Key, _ => new Domain.Medicines.Reconciliation.GpDecision(false, null)), ct)),
        ["AdministrationService.GetUnitAsync(Actor, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Administration.AdministrationService>("careworker.berg", AccessAction.Search,
                (s, actor, _, ct) => s.GetUnitAsync(actor, ct)),
        ["AdministrationService.GetResidentAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Administration.AdministrationService>("careworker.berg", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetResidentAsync(actor, patientId, ct)),
        ["AdministrationService.RecordAsync(Actor, Guid, DoseInput, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Administration.AdministrationService, Domain.Medicines.Administration.ScheduledDose>("careworker.berg", AccessAction.Create,
                (_, _, patientId, ct) => AdministrationTestData.PrescribeAtMidnightAsync(Current.Value!, patientId, ct),
                (s, actor, patientId, dose, ct) => s.RecordAsync(actor, patientId, AdministrationTestData.Given(Current.Value!, dose), ct)),
        ["SharingBlockService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<SharingBlockService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
        ["SharingBlockService.StaffChoicesAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<SharingBlockService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.StaffChoicesAsync(actor, patientId, ct)),
        ["SharingBlockService.BlockAsync(Actor, Guid, BlockInput, CancellationToken)"] =
            Scenario.Of<SharingBlockService>("jens", AccessAction.Create,
                async (s, actor, patientId, ct) =>
                {
                    // Lifted at once, so the later scenarios of this class read Jens' record unblocked.
                    var id = await s.BlockAsync(actor, patientId, AccessLogBlock, ct);
                    await s.LiftAsync(actor, patientId, id, null, ct);
                }),
        ["SharingBlockService.LiftAsync(Actor, Guid, Guid, String, CancellationToken)"] =
            Scenario.Of<SharingBlockService, Guid>("jens", AccessAction.Update,
                (s, actor, patientId, ct) => s.BlockAsync(actor, patientId, AccessLogBlock, ct),
                (s, actor, patientId, id, ct) => s.LiftAsync(actor, patientId, id, null, ct)),
        ["EmergencyAccessService.StartAsync(Actor, Guid, String, Nullable`1, CancellationToken)"] =
            Scenario.Of<EmergencyAccessService>("hospital.doctor", AccessAction.Read,
                (s, actor, patientId, ct) => s.StartAsync(actor, patientId, "Access log test: unconscious on arrival", 15, ct)),
        ["EmergencyAccessService.EndEarlyAsync(Actor, Guid, Guid, CancellationToken)"] =
            Scenario.Of<EmergencyAccessService, EmergencyAccessView>("hospital.doctor", AccessAction.Read,
                (s, actor, patientId, ct) => s.StartAsync(actor, patientId, "Access log test: unconscious on arrival", 15, ct),
                (s, actor, patientId, started, ct) => s.EndEarlyAsync(actor, patientId, started.Id, ct)),
        ["AllergyRegisterService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<AllergyRegisterService>("nurse.holm", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
        ["AllergyRegisterService.GetBannerAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<AllergyRegisterService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetBannerAsync(actor, patientId, ct)),
        ["AllergyRegisterService.RecordAsync(Actor, Guid, AllergyDetails, CancellationToken)"] =
            Scenario.Of<AllergyRegisterService>(Gp, AccessAction.Create,
                (s, actor, patientId, ct) => s.RecordAsync(actor, patientId, AccessLogAllergy, ct)),
        ["AllergyRegisterService.ChangeAsync(Actor, Guid, Guid, Guid, AllergyDetails, CancellationToken)"] =
            Scenario.Of<AllergyRegisterService, AllergyItem>(Gp, AccessAction.Update,
                RecordAllergyAsync,
                (s, actor, patientId, entry, ct) => s.ChangeAsync(actor, patientId, entry.Id, entry.Version, AccessLogAllergy with { Reaction = "Rash" }, ct)),
        ["AllergyRegisterService.ChangeStatusAsync(Actor, Guid, Guid, Guid, AllergyStatus, String, CancellationToken)"] =
            Scenario.Of<AllergyRegisterService, AllergyItem>(Gp, AccessAction.Update,
                RecordAllergyAsync,
                (s, actor, patientId, entry, ct) => s.ChangeStatusAsync(actor, patientId, entry.Id, entry.Version, AllergyStatus.Resolved, null, ct)),
        ["AllergyRegisterService.GetHistoryAsync(Actor, Guid, Guid, CancellationToken)"] =
            Scenario.Of<AllergyRegisterService, AllergyItem>(Gp, AccessAction.Read,
                RecordAllergyAsync,
                (s, actor, patientId, entry, ct) => s.GetHistoryAsync(actor, patientId, entry.Id, ct)),
        ["MedicationReviewService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Review.MedicationReviewService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
        ["MedicationReviewService.MarkReviewedAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<Web.Features.Medicines.Review.MedicationReviewService>(Gp, AccessAction.Create,
                (s, actor, patientId, ct) => s.MarkReviewedAsync(actor, patientId, ct)),
        ["MedicationListDocumentService.WriteAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<MedicationListDocumentService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.WriteAsync(actor, patientId, ct)),
        ["FhirRecordService.PatientAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<FhirRecordService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.PatientAsync(actor, patientId, ct)),
        ["FhirRecordService.EverythingAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<FhirRecordService>("nurse.holm", AccessAction.Read,
                (s, actor, patientId, ct) => s.EverythingAsync(actor, patientId, ct)),
        ["CalendarFeedService.DownloadAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<CalendarFeedService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.DownloadAsync(actor, patientId, ct)),
        ["PathwaySummaryService.WriteAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<PathwaySummaryService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.WriteAsync(actor, patientId, ct)),
        ["AccessLogService.PageAsync(Actor, Guid, AccessLogFilter, AccessLogCursor, CancellationToken)"] =
            Scenario.Of<CareWorkspace.Web.Features.AccessLog.AccessLogService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.PageAsync(actor, patientId, new CareWorkspace.Domain.Audit.AccessLogFilter(), null, ct)),
        ["AccessLogExportService.CsvAsync(Actor, Guid, AccessLogFilter, CancellationToken)"] =
            Scenario.Of<CareWorkspace.Web.Features.AccessLog.AccessLogExportService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.CsvAsync(actor, patientId, new CareWorkspace.Domain.Audit.AccessLogFilter(), ct)),
        ["AccessLogExportService.PdfAsync(Actor, Guid, AccessLogFilter, CancellationToken)"] =
            Scenario.Of<CareWorkspace.Web.Features.AccessLog.AccessLogExportService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.PdfAsync(actor, patientId, new CareWorkspace.Domain.Audit.AccessLogFilter(), ct)),
        ["FhirAuditEventService.SearchAsync(Actor, Guid, Int32, AccessLogCursor, CancellationToken)"] =
            Scenario.Of<FhirAuditEventService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.SearchAsync(actor, patientId, 10, null, ct)),
        ["CarePlanDocumentService.WriteAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<CarePlanDocumentService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.WriteAsync(actor, patientId, ct)),
        ["RehabilitationPlanDocumentService.WriteAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<RehabilitationPlanDocumentService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.WriteAsync(actor, patientId, ct)),
        ["CalendarFeedService.ListMineAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<CalendarFeedService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.ListMineAsync(actor, patientId, ct)),
        ["CalendarFeedService.CreateAsync(Actor, Guid, Uri, CancellationToken)"] =
            Scenario.Of<CalendarFeedService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.CreateAsync(actor, patientId, new Uri("https://care.example/"), ct)),
        ["CalendarFeedService.RevokeAsync(Actor, Guid, Guid, CancellationToken)"] =
            Scenario.Of<CalendarFeedService, NewCalendarFeed>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.CreateAsync(actor, patientId, new Uri("https://care.example/"), ct),
                (s, actor, patientId, feed, ct) => s.RevokeAsync(actor, patientId, feed.Id, ct)),
        ["CalendarFeedService.OpenFeedAsync(String, CancellationToken)"] =
            Scenario.Of<CalendarFeedService, NewCalendarFeed>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.CreateAsync(actor, patientId, new Uri("https://care.example/"), ct),
                (s, _, _, feed, ct) => s.OpenFeedAsync(feed.Address[(feed.Address.LastIndexOf('/') + 1)..^".ics".Length], ct)),
        ["CarePlanService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<CarePlanService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
        ["CarePlanService.CreateFromTemplateAsync(Actor, Guid, String, DateOnly, CancellationToken)"] =
            Scenario.Of<CarePlanService>(Gp, AccessAction.Create,
                (s, actor, patientId, ct) => s.CreateFromTemplateAsync(actor, patientId, "type-2-diabetes", CalendarTestData.NextDay(), ct)),
        ["CarePlanService.CreateAsync(Actor, Guid, String, CarePlanDetails, CancellationToken)"] =
            Scenario.Of<CarePlanService>(Gp, AccessAction.Create,
                (s, actor, patientId, ct) => s.CreateAsync(actor, patientId, null,
                    new CarePlanDetails("Access log plan", ["COPD (DJ44)"], CalendarTestData.NextDay(), null), ct)),
        ["CarePlanService.ChangeAsync(Actor, Guid, Guid, Guid, CarePlanEdit, CancellationToken)"] =
            Scenario.Of<CarePlanService, CarePlanView>(Gp, AccessAction.Update,
                CreateCarePlanAsync,
                (s, actor, patientId, plan, ct) => s.ChangeAsync(actor, patientId, plan.Id, plan.Version, new AddNote("Access log test"), ct)),
        ["CarePlanService.GetHistoryAsync(Actor, Guid, Guid, CancellationToken)"] =
            Scenario.Of<CarePlanService, CarePlanView>(Gp, AccessAction.Read,
                CreateCarePlanAsync,
                (s, actor, patientId, plan, ct) => s.GetHistoryAsync(actor, patientId, plan.Id, ct)),
        ["CarePlanService.GetVersionAsync(Actor, Guid, Guid, Int32, CancellationToken)"] =
            Scenario.Of<CarePlanService, CarePlanView>(Gp, AccessAction.Read,
                CreateCarePlanAsync,
                (s, actor, patientId, plan, ct) => s.GetVersionAsync(actor, patientId, plan.Id, 1, ct)),

        ["AppointmentService.GetAsync(Actor, Guid, DateOnly, DateOnly, CancellationToken)"] =
            Scenario.Of<AppointmentService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, CalendarTestData.NextDay(), CalendarTestData.NextDay(), ct)),
        ["AppointmentService.DayOfAsync(Actor, Guid, Guid, CancellationToken)"] =
            Scenario.Of<AppointmentService, (AppointmentView Appointment, AppointmentInput Input)>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => BookAppointmentAsync(s, actor, patientId, ct),
                (s, actor, patientId, booked, ct) => s.DayOfAsync(actor, patientId, booked.Appointment.Id, ct)),
        ["AppointmentService.FindConflictsAsync(Actor, Guid, AppointmentInput, Nullable`1, SeriesScope, CancellationToken)"] =
            Scenario.Of<AppointmentService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.FindConflictsAsync(actor, patientId, CalendarTestData.FollowUp(actor), null, SeriesScope.ThisOccurrence, ct)),
        ["AppointmentService.BookAsync(Actor, Guid, AppointmentInput, CancellationToken)"] =
            Scenario.Of<AppointmentService>(Gp, AccessAction.Create,
                (s, actor, patientId, ct) => s.BookAsync(actor, patientId, CalendarTestData.FollowUp(actor), ct)),
        ["AppointmentService.ChangeAsync(Actor, Guid, Guid, Guid, AppointmentInput, SeriesScope, CancellationToken)"] =
            Scenario.Of<AppointmentService, (AppointmentView Appointment, AppointmentInput Input)>(Gp, AccessAction.Update,
                (s, actor, patientId, ct) => BookAppointmentAsync(s, actor, patientId, ct),
                (s, actor, patientId, booked, ct) => s.ChangeAsync(actor, patientId, booked.Appointment.Id, booked.Appointment.Version,
                    booked.Input with { StartTime = new TimeOnly(11, 0), EndTime = new TimeOnly(11, 15) }, SeriesScope.ThisOccurrence, ct)),
        ["AppointmentService.CancelAsync(Actor, Guid, Guid, Guid, String, SeriesScope, CancellationToken)"] =
            Scenario.Of<AppointmentService, (AppointmentView Appointment, AppointmentInput Input)>(Gp, AccessAction.Update,
                (s, actor, patientId, ct) => BookAppointmentAsync(s, actor, patientId, ct),
                (s, actor, patientId, booked, ct) => s.CancelAsync(actor, patientId, booked.Appointment.Id, booked.Appointment.Version,
                    "Access log test", SeriesScope.ThisOccurrence, ct)),
        ["AppointmentService.ChangeStatusAsync(Actor, Guid, Guid, Guid, AppointmentStatus, CancellationToken)"] =
            Scenario.Of<AppointmentService, (AppointmentView Appointment, AppointmentInput Input)>(Gp, AccessAction.Update,
                (s, actor, patientId, ct) => BookAppointmentAsync(s, actor, patientId, ct, AppointmentStatus.Proposed),
                (s, actor, patientId, booked, ct) => s.ChangeStatusAsync(actor, patientId, booked.Appointment.Id, booked.Appointment.Version,
                    AppointmentStatus.Booked, ct)),
        // The GP takes part in the appointment he booked: answering it is a read of the calendar.
        ["AppointmentService.RespondAsync(Actor, Guid, Guid, ParticipationStatus, CancellationToken)"] =
            Scenario.Of<AppointmentService, (AppointmentView Appointment, AppointmentInput Input)>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => BookAppointmentAsync(s, actor, patientId, ct),
                (s, actor, patientId, booked, ct) => s.RespondAsync(actor, patientId, booked.Appointment.Id, ParticipationStatus.Accepted, ct)),
        // The demo data gives Jens home-care visits in the coming days.
        ["StaffCalendarService.GetAsync(Actor, DateOnly, DateOnly, Boolean, CancellationToken)"] =
            Scenario.Of<StaffCalendarService>("nurse.holm", AccessAction.Search,
                (s, actor, _, ct) => s.GetAsync(actor, CopenhagenTime.Today(TimeProvider.System), CopenhagenTime.Today(TimeProvider.System).AddDays(6), false, ct)),

        ["DischargeService.RecordAsync(Actor, Guid, DischargeInput, CancellationToken)"] =
            Scenario.Of<DischargeService>("hospital.doctor", AccessAction.Create,
                (s, actor, patientId, ct) => s.RecordAsync(actor, patientId, new DischargeInput(14, "Access log test"), ct)),
        // A discharge first, so that Jens is on the clinic's task list.
        ["FollowUpTaskService.OpenTasksAsync(Actor, CancellationToken)"] =
            Scenario.Of<FollowUpTaskService, Guid?>("gp.secretary", AccessAction.Search,
                async (_, _, patientId, ct) => await Current.Value!.CallAsync<DischargeService, Guid?>(
                    async d => await d.RecordAsync(await Current.Value!.ActorAsync("hospital.doctor", ct), patientId, new DischargeInput(14, null), ct)),
                (s, actor, _, _, ct) => s.OpenTasksAsync(actor, ct)),

        ["RehabilitationPlanService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<RehabilitationPlanService>("physio.mikkelsen", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
        ["RehabilitationPlanService.GetPlanAsync(Actor, Guid, String, CancellationToken)"] =
            Scenario.Of<RehabilitationPlanService>("jens", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetPlanAsync(actor, patientId, "Exercise sheet", ct)),
        ["RehabilitationPlanService.MakePlanAsync(Actor, Guid, RehabilitationPlanInput, CancellationToken)"] =
            Scenario.Of<RehabilitationPlanService>("hospital.doctor", AccessAction.Create,
                async (s, actor, patientId, ct) => await s.MakePlanAsync(actor, patientId,
                    await RehabilitationTestData.InputAsync(Current.Value!, "Access log test", ct), ct)),
        ["RehabilitationPlanService.ChangePlanAsync(Actor, Guid, Guid, Guid, RehabilitationPlanInput, CancellationToken)"] =
            Scenario.Of<RehabilitationPlanService, RehabilitationPlanView>("hospital.doctor", AccessAction.Update,
                async (s, actor, patientId, ct) =>
                {
                    await RehabilitationTestData.MakePlanAsync(Current.Value!, patientId, ct);
                    return (await s.GetAsync(actor, patientId, ct)).Plan!;
                },
                async (s, actor, patientId, plan, ct) => await s.ChangePlanAsync(actor, patientId, plan.Id, plan.Version,
                    await RehabilitationTestData.InputAsync(Current.Value!, "Access log test, changed", ct), ct)),
        ["RehabilitationPlanService.LogSessionAsync(Actor, Guid, Guid, SessionInput, CancellationToken)"] =
            Scenario.Of<RehabilitationPlanService, Guid>("jens", AccessAction.Create,
                (_, _, patientId, ct) => RehabilitationTestData.MakePlanAsync(Current.Value!, patientId, ct),
                (s, actor, patientId, planId, ct) => s.LogSessionAsync(actor, patientId, planId,
                    new SessionInput(CopenhagenTime.Today(TimeProvider.System), null, Domain.Rehabilitation.SessionOutcome.Done, 1, null), ct)),

        ["RehabilitationPlanService.CorrectSessionAsync(Actor, Guid, Guid, Guid, SessionInput, CancellationToken)"] =
            Scenario.Of<RehabilitationPlanService, SessionView>("physio.mikkelsen", AccessAction.Update,
                async (s, _, patientId, ct) =>
                {
                    var planId = await RehabilitationTestData.MakePlanAsync(Current.Value!, patientId, ct);
                    var jens = await Current.Value!.ActorAsync("jens", ct);
                    var sessionId = await s.LogSessionAsync(jens, patientId, planId,
                        new SessionInput(CopenhagenTime.Today(TimeProvider.System), null, Domain.Rehabilitation.SessionOutcome.Done, 1, null), ct);
                    return (await s.GetAsync(jens, patientId, ct)).Sessions.Single(x => x.Id == sessionId);
                },
                (s, actor, patientId, session, ct) => s.CorrectSessionAsync(actor, patientId, session.Id, session.Version,
                    new SessionInput(session.Day, null, Domain.Rehabilitation.SessionOutcome.Partly, 1, null), ct)),
        ["RehabilitationPlanService.GetEarlierPlanAsync(Actor, Guid, Guid, CancellationToken)"] =
            Scenario.Of<RehabilitationPlanService, Guid>(Gp, AccessAction.Read,
                async (_, _, patientId, ct) =>
                {
                    var earlier = await RehabilitationTestData.MakePlanAsync(Current.Value!, patientId, ct);
                    await RehabilitationTestData.MakePlanAsync(Current.Value!, patientId, ct);
                    return earlier;
                },
                (s, actor, patientId, planId, ct) => s.GetEarlierPlanAsync(actor, patientId, planId, ct)),

        // Early detection (TriageService lives in Infrastructure, so it is walked by name: see PatientDataTypes).
        ["TriageService.GetBoardAsync(Actor, Guid, TriageBoardView, CancellationToken)"] =
            Scenario.Of<TriageService>(Nurse, AccessAction.Search,
                (s, actor, _, ct) => s.GetBoardAsync(actor, actor.OrganisationId!.Value, ct: ct)),
        ["TriageService.GetStatusAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<TriageService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.GetStatusAsync(actor, patientId, ct)),
        ["TriageService.GetHistoryAsync(Actor, Guid, Nullable`1, CancellationToken)"] =
            Scenario.Of<TriageService>(Gp, AccessAction.Read,
                (s, actor, patientId, ct) => s.GetHistoryAsync(actor, patientId, null, ct)),
        ["TriageService.GpThreadOfAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<TriageService>(Nurse, AccessAction.Read,
                (s, actor, patientId, ct) => s.GpThreadOfAsync(actor, patientId, ct)),
        ["TriageService.RecordAsync(Actor, Guid, ChangeFormInput, CancellationToken)"] =
            Scenario.Of<TriageService>("careworker.berg", AccessAction.Create,
                (s, actor, patientId, ct) => s.RecordAsync(actor, patientId, CalmChangeForm(), ct)),
        ["TriageService.ConfirmColourAsync(Actor, Guid, Guid, TriageColour, String, CancellationToken)"] =
            Scenario.Of<TriageService, Guid>("careworker.berg", AccessAction.Update,
                async (s, actor, patientId, ct) => (await s.RecordAsync(actor, patientId, CalmChangeForm(), ct)).Id,
                (s, actor, patientId, observationId, ct) => s.ConfirmColourAsync(actor, patientId, observationId, TriageColour.Green, null, ct)),
        ["TriageService.MakeActionPlanAsync(Actor, Guid, ActionPlanInput, CancellationToken)"] =
            Scenario.Of<TriageService, int>(Nurse, AccessAction.Create,
                async (s, actor, patientId, ct) =>
                {
                    await CloseOpenTriagePlansAsync(s, actor, patientId, ct);
                    return 0;
                },
                (s, actor, patientId, _, ct) => s.MakeActionPlanAsync(actor, patientId,
                    new ActionPlanInput(TriageColour.Red, "Access log test", "Access log test", DateTimeOffset.UtcNow.AddHours(2)), ct)),
        ["TriageService.MarkFollowedUpAsync(Actor, Guid, Guid, String, CancellationToken)"] =
            Scenario.Of<TriageService, Guid>(Nurse, AccessAction.Update, OpenTriagePlanAsync,
                (s, actor, patientId, planId, ct) => s.MarkFollowedUpAsync(actor, patientId, planId, null, ct)),
        ["TriageService.EscalateToGpAsync(Actor, Guid, Guid, String, Nullable`1, CancellationToken)"] =
            Scenario.Of<TriageService, Guid>(Nurse, AccessAction.Update, OpenTriagePlanAsync,
                (s, actor, patientId, planId, ct) => s.EscalateToGpAsync(actor, patientId, planId, "Access log test", null, ct)),
        ["TriageService.RecordAcuteHelpCalledAsync(Actor, Guid, Guid, String, CancellationToken)"] =
            Scenario.Of<TriageService, Guid>(Nurse, AccessAction.Update, OpenTriagePlanAsync,
                (s, actor, patientId, planId, ct) => s.RecordAcuteHelpCalledAsync(actor, patientId, planId, null, ct)),
        ["TriageService.ClosePlanAsync(Actor, Guid, Guid, String, CancellationToken)"] =
            Scenario.Of<TriageService, Guid>(Nurse, AccessAction.Update, OpenTriagePlanAsync,
                (s, actor, patientId, planId, ct) => s.ClosePlanAsync(actor, patientId, planId, "Access log test", ct)),

        ["InboxService.GetInboxAsync(Actor, InboxFilter, CancellationToken)"] =
            Scenario.Of<InboxService>(Gp, AccessAction.Search,
                (s, actor, _, ct) => s.GetInboxAsync(actor, InboxFilter.All, ct)),
    };

    private static async Task<(CareTeamMemberView Member, CareTeamMemberInput Input)> AddMemberAsync(CareTeamService s, Actor actor, Guid patientId, CancellationToken ct)
    {
        var input = PathwayTestData.Member(await s.GetAsync(actor, patientId, ct));
        var id = await s.AddMemberAsync(actor, patientId, input, ct);
        return ((await s.GetAsync(actor, patientId, ct)).Members.Single(m => m.Id == id), input);
    }

    /// <summary>Ulla's current consent as a new grant, so that granting it again changes nothing she can see.</summary>
    private static async Task<ConsentInput> UllasConsentAgainAsync(ConsentService s, Actor actor, Guid patientId, CancellationToken ct)
    {
        var current = (await s.GetAsync(actor, patientId, ct)).Consents.First(c => c.IsActive && c.RelativeName == "Ulla Jensen");
        return new ConsentInput(current.RelativeUserId, current.Sections, current.ValidUntil, "Access log test");
    }

    private static async Task<(AppointmentView Appointment, AppointmentInput Input)> BookAppointmentAsync(AppointmentService s, Actor actor, Guid patientId,
        CancellationToken ct, AppointmentStatus status = AppointmentStatus.Booked)
    {
        var input = CalendarTestData.FollowUp(actor) with { Status = status };
        var id = await s.BookAsync(actor, patientId, input, ct);
        return ((await s.GetAsync(actor, patientId, input.Day, input.Day, ct)).Appointments.Single(a => a.Id == id), input);
    }

    private static async Task<CarePlanView> CreateCarePlanAsync(CarePlanService s, Actor actor, Guid patientId, CancellationToken ct)
    {
        var id = await s.CreateFromTemplateAsync(actor, patientId, "copd", CalendarTestData.NextDay(), ct);
        return (await s.GetAsync(actor, patientId, ct)).Plans.Single(p => p.Id == id);
    }

    private static async Task<Guid> RecordDischargeListAsync(Web.Features.Medicines.Reconciliation.MedicationReconciliationService s, Actor actor,
        Guid patientId, CancellationToken ct) =>
        await s.RecordDischargeListAsync(actor, patientId, new DateOnly(2026, 11, 2), [AccessLogPrescription()],
            (await s.GetDischargeFormAsync(actor, patientId, ct)).Awaiting?.Id, ct);

    private static Domain.Medicines.LocalPrescription AccessLogPrescription() =>
        new("Levaxin " + PathwayTestData.Unique(), "H03AA01", "50 mikrogram", "tabletter", "1 tablet dagligt", null, null, false, "Oral anvendelse",
            "hypothyreose", CalendarTestData.NextDay(), null, null);

    private static Domain.Medicines.NewDose AccessLogDose() =>
        new("2 tabletter dagligt", "50 mikrogram", null, null, CalendarTestData.NextDay(), "Access log test");

    private static async Task<(Guid Id, Guid Version)> PrescribeAsync(Web.Features.Medicines.MedicationPrescribingService s, Actor actor, Guid patientId,
        CancellationToken ct)
    {
        var id = await s.PrescribeAsync(actor, patientId, AccessLogPrescription(), "Access log test", ct);
        return (id, await EntryVersionAsync(actor, patientId, id, ct));
    }

    private static async Task<Guid> EntryVersionAsync(Actor actor, Guid patientId, Guid id, CancellationToken ct)
    {
        var view = await Current.Value!.CallAsync<Web.Features.Medicines.MedicationListService, Web.Features.Medicines.MedicationView>(
            l => l.GetAsync(actor, patientId, ct));
        return view.Active.Concat(view.Paused).Single(i => i.Id == id).Version;
    }

    private static ChangeFormInput CalmChangeForm() => new([new ItemAnswer("mood", false)],
        new VitalSigns(Pulse: 72, RespiratoryRate: 14, SystolicBloodPressure: 130, Temperature: 36.8m, OxygenSaturation: 97, Consciousness: Consciousness.Alert));

    /// <summary>Closes the unit's open action plans for the citizen, so that a new one may be made.</summary>
    private static async Task CloseOpenTriagePlansAsync(TriageService s, Actor nurse, Guid patientId, CancellationToken ct)
    {
        foreach (var open in (await s.GetStatusAsync(nurse, patientId, ct)).OpenPlans.Where(p => p.UnitId == nurse.OrganisationId))
            await s.ClosePlanAsync(nurse, patientId, open.Id, "Access log test starts afresh", ct);
    }

    /// <summary>A fresh open action plan of the nurse's unit for the citizen; returns its id.</summary>
    private static async Task<Guid> OpenTriagePlanAsync(TriageService s, Actor nurse, Guid patientId, CancellationToken ct)
    {
        await CloseOpenTriagePlansAsync(s, nurse, patientId, ct);
        return await s.MakeActionPlanAsync(nurse, patientId,
            new ActionPlanInput(TriageColour.Red, "Access log test", "Access log test", DateTimeOffset.UtcNow.AddHours(2)), ct);
    }

    private static async Task<RelativeView> AddRelativeAsync(CareTeamService s, Actor actor, Guid patientId, CancellationToken ct)
    {
        var id = await s.AddRelativeAsync(actor, patientId, PathwayTestData.Relative(), ct);
        return (await s.GetAsync(actor, patientId, ct)).Relatives!.Single(r => r.Id == id);
    }

    private static AllergyDetails AccessLogAllergy => new("Access log substance", null, "Itching", AllergySeverity.Mild, AllergyCertainty.Suspected);

    private static async Task<AllergyItem> RecordAllergyAsync(AllergyRegisterService s, Actor actor, Guid patientId, CancellationToken ct)
    {
        var id = await s.RecordAsync(actor, patientId, AccessLogAllergy, ct);
        return (await s.GetAsync(actor, patientId, ct)).Entries.Single(e => e.Id == id);
    }

    /// <summary>
    /// Services of patient data outside the web project, which cannot carry <see cref="IPatientDataService"/> (it lives in
    /// the web project): walked by name.
    /// </summary>
    private static readonly Type[] PatientDataServicesElsewhere = [typeof(TriageService)];

    /// <summary>
    /// Public methods that touch no patient's data, so leave no access record: a unit's own settings, and whether something
    /// of an already opened (and logged) pathway is blocked from the viewer, which tells nothing of what.
    /// </summary>
    private static readonly HashSet<string> NotPatientData =
    [
        "TriageService.GetChangeFormAsync(Actor, CancellationToken)",
        "TriageService.SetChangeFormAsync(Actor, ChangeFormItems, CancellationToken)",
        "EmergencyAccessService.NoticeAsync(Actor, Guid, CancellationToken)",
    ];

    private static BlockInput AccessLogBlock => new(PatientSection.Calendar, null, null, BlockAudienceKind.Sectors, [], [Sector.Municipality]);

    private static IEnumerable<MethodInfo> PatientDataMethods() =>
        typeof(IPatientDataService).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IPatientDataService).IsAssignableFrom(t))
            .Concat(PatientDataServicesElsewhere)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !NotPatientData.Contains(Signature(m)))
            .OrderBy(Signature, StringComparer.Ordinal);

    private static string Signature(MethodInfo method) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

    [Fact]
    public void Every_patient_data_method_has_an_access_log_scenario()
    {
        var methods = PatientDataMethods().Select(Signature).ToList();
        Assert.Contains("PatientOverviewService.GetAsync(Actor, Guid, CancellationToken)", methods);
        Assert.Contains("TriageService.RecordAsync(Actor, Guid, ChangeFormInput, CancellationToken)", methods);
        var exempt = typeof(IPatientDataService).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IPatientDataService).IsAssignableFrom(t))
            .Concat(PatientDataServicesElsewhere)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(Signature).ToHashSet();
        Assert.True(NotPatientData.IsSubsetOf(exempt), "NotPatientData names methods that no longer exist: " + string.Join("; ", NotPatientData.Except(exempt)));

        var missing = methods.Except(Scenarios.Keys).ToList();
        Assert.True(missing.Count == 0,
            "These public methods of IPatientDataService types have no access-log scenario in AccessLogTests.Scenarios: " + string.Join("; ", missing));
        var stale = Scenarios.Keys.Except(methods).ToList();
        Assert.True(stale.Count == 0, "These scenarios name methods that no longer exist: " + string.Join("; ", stale));
    }

    [Fact]
    public async Task Every_patient_data_method_writes_an_access_record()
    {
        Current.Value = factory;
        var jensId = await factory.JensIdAsync(Ct);
        var methods = PatientDataMethods().ToList();
        Assert.NotEmpty(methods);
        var failures = new List<string>();

        foreach (var method in methods)
        {
            var signature = Signature(method);
            if (!Scenarios.TryGetValue(signature, out var scenario))
            {
                failures.Add($"{signature}: no scenario");
                continue;
            }
            var actor = await factory.ActorAsync(scenario.UserName, Ct);
            await using var scope = factory.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetService(method.DeclaringType!);
            if (service is null)
            {
                failures.Add($"{signature}: {method.DeclaringType!.Name} is not registered in the container");
                continue;
            }
            var state = await scenario.Arrange(service, actor, jensId, Ct);
            var before = await CountAsync(actor.UserId, jensId, scenario.Action, allowed: true);

            await scenario.Invoke(service, actor, jensId, state, Ct);

            var after = await CountAsync(actor.UserId, jensId, scenario.Action, allowed: true);
            if (after <= before)
                failures.Add($"{signature}: no {scenario.Action} record for {scenario.UserName} on Jens");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_refused_read_throws_and_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.roskilde", Ct);
        var before = await CountAsync(nurse.UserId, jensId, AccessAction.Read, allowed: false);

        await using var scope = factory.Services.CreateAsyncScope();
        var overview = scope.ServiceProvider.GetRequiredService<PatientOverviewService>();
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => overview.GetAsync(nurse, jensId, Ct));

        Assert.Equal(before + 1, await CountAsync(nurse.UserId, jensId, AccessAction.Read, allowed: false));
        Assert.Equal(0, await CountAsync(nurse.UserId, jensId, AccessAction.Read, allowed: true));
    }

    [Fact]
    public async Task An_unknown_patient_id_throws_not_found_and_is_logged()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var before = await CountAsync(gp.UserId, null, AccessAction.Read, allowed: false);

        await using var scope = factory.Services.CreateAsyncScope();
        var overview = scope.ServiceProvider.GetRequiredService<PatientOverviewService>();
        var unknown = Guid.NewGuid();
        var ex = await Assert.ThrowsAsync<PatientNotFoundException>(() => overview.GetAsync(gp, unknown, Ct));

        Assert.Equal(unknown, ex.PatientId);
        Assert.Equal(before + 1, await CountAsync(gp.UserId, null, AccessAction.Read, allowed: false));
    }

    private async Task<int> CountAsync(string userId, Guid? patientId, AccessAction action, bool allowed)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking()
            .CountAsync(r => r.UserId == userId && r.PatientId == patientId && r.Action == action && r.Allowed == allowed, Ct);
    }
}

public sealed class AccessLogTests_Sqlite(SqliteAppFactory factory) : AccessLogTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AccessLogTests_PostgreSql(PostgreSqlAppFactory factory) : AccessLogTests(factory), IClassFixture<PostgreSqlAppFactory>;
