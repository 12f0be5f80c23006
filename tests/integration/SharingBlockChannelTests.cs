using System.Globalization;
using System.Threading.Channels;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.FhirApi;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.UnitTests.Documents;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.Documents;
using CareWorkspace.Web.Features.FhirApi;
using CareWorkspace.Web.Features.Pathway;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Features.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The patient's blocks hold in the channels that copy or summarise the record (the overview and pathway header, the
/// pathway summary PDF, FHIR <c>$everything</c>, the triage board): a blocked item is absent for the blocked
/// organisation, the reader is told only that something is blocked, and the others still see it.
/// </summary>
public abstract class SharingBlockChannelTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Hypertension = "Essentiel hypertension";

    [Fact]
    public async Task A_condition_blocked_for_the_municipality_is_gone_from_the_nurses_overview_header_PDF_and_FHIR_but_not_the_GPs()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, gp) = await PeopleAsync();
        var condition = await ConditionOfAsync(jensId, Hypertension);
        Assert.Contains(Hypertension, (await HeaderAsync(nurse, jensId)).ActiveConditions);

        var blockId = await Sharing(s => s.BlockAsync(jens, jensId, ItemBlock(BlockedItemKind.Condition, condition), Ct));
        try
        {
            Assert.DoesNotContain((await OverviewAsync(nurse, jensId)).Conditions!, c => c.Id == condition);
            Assert.NotEmpty((await OverviewAsync(nurse, jensId)).Conditions!);
            Assert.DoesNotContain(Hypertension, (await HeaderAsync(nurse, jensId)).ActiveConditions);
            Assert.Contains((await OverviewAsync(gp, jensId)).Conditions!, c => c.Id == condition);
            Assert.Contains(Hypertension, (await HeaderAsync(gp, jensId)).ActiveConditions);
            Assert.Contains(Hypertension, (await HeaderAsync(jens, jensId)).ActiveConditions);

            var nursePdf = await SummaryTextAsync(nurse, jensId);
            Assert.DoesNotContain(PdfFacts.Flat(Hypertension), nursePdf, StringComparison.Ordinal);
            Assert.Contains("Someinformationisblockedbythepatient.", nursePdf, StringComparison.Ordinal);
            var gpPdf = await SummaryTextAsync(gp, jensId);
            Assert.Contains(PdfFacts.Flat(Hypertension), gpPdf, StringComparison.Ordinal);
            Assert.DoesNotContain("Someinformationisblocked", gpPdf, StringComparison.Ordinal);

            Assert.DoesNotContain(condition.ToString("D"), await EverythingIdsAsync(nurse, jensId));
            Assert.Contains(condition.ToString("D"), await EverythingIdsAsync(gp, jensId));
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
        Assert.Contains(Hypertension, (await HeaderAsync(nurse, jensId)).ActiveConditions);
    }

    [Fact]
    public async Task An_appointment_blocked_for_the_municipality_is_gone_from_the_nurses_PDF_and_FHIR_but_not_the_GPs()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, gp) = await PeopleAsync();
        var (appointment, location) = await UpcomingGpAppointmentAsync(jensId);
        var where = PdfFacts.Flat(location);
        var nurseBefore = Occurrences(await SummaryTextAsync(nurse, jensId), where);
        Assert.True(nurseBefore > 0);
        Assert.Contains(appointment.ToString("D"), await EverythingIdsAsync(nurse, jensId));

        var blockId = await Sharing(s => s.BlockAsync(jens, jensId, ItemBlock(BlockedItemKind.Appointment, appointment), Ct));
        try
        {
            Assert.Equal(nurseBefore - 1, Occurrences(await SummaryTextAsync(nurse, jensId), where));
            Assert.Equal(nurseBefore, Occurrences(await SummaryTextAsync(gp, jensId), where));
            Assert.DoesNotContain(appointment.ToString("D"), await EverythingIdsAsync(nurse, jensId));
            Assert.Contains(appointment.ToString("D"), await EverythingIdsAsync(gp, jensId));
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    [Fact]
    public async Task Triage_blocked_for_the_municipality_leaves_Jens_on_the_units_board_without_his_latest_change_form_or_plan()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, _) = await PeopleAsync();
        Assert.False((await BoardCardAsync(nurse, jensId)).BlockedByPatient);

        var blockId = await Sharing(s => s.BlockAsync(jens, jensId,
            new BlockInput(PatientSection.Triage, null, null, BlockAudienceKind.Sectors, [], [Sector.Municipality]), Ct));
        try
        {
            var card = await BoardCardAsync(nurse, jensId);
            Assert.True(card.BlockedByPatient);
            Assert.Null(card.Latest);
            Assert.Null(card.OpenPlan);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
        Assert.False((await BoardCardAsync(nurse, jensId)).BlockedByPatient);
    }

    [Fact]
    public async Task A_triage_block_and_its_lifting_are_told_to_the_units_open_board_at_once_which_reads_the_card_anew()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, _) = await PeopleAsync();
        var shownBefore = await factory.CallAsync<TriageService, TriageBoardView>(s => s.GetBoardAsync(nurse, nurse.OrganisationId!.Value, ct: Ct));
        Assert.False(Assert.Single(shownBefore.Citizens, c => c.PatientId == jensId).BlockedByPatient);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        var heard = Channel.CreateUnbounded<PathwayChange>();
        using var board = notifier.SubscribeNamed(AudienceKey.TriageBoardOf(nurse.OrganisationId!.Value), change =>
        {
            heard.Writer.TryWrite(change);
            return Task.CompletedTask;
        });

        var blockId = await Sharing(s => s.BlockAsync(jens, jensId,
            new BlockInput(PatientSection.Triage, null, null, BlockAudienceKind.Sectors, [], [Sector.Municipality]), Ct));
        TriageBoardView shownBlocked;
        try
        {
            var told = await NextFromAsync(heard, jensId);
            Assert.Equal(PatientSection.Triage, told.Section);
            Assert.Null(told.ItemId);
            shownBlocked = await factory.CallAsync<TriageService, TriageBoardView>(s => s.GetBoardAsync(nurse, nurse.OrganisationId!.Value, shownBefore, Ct));
            Assert.True(Assert.Single(shownBlocked.Citizens, c => c.PatientId == jensId).BlockedByPatient);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
        await NextFromAsync(heard, jensId);
        var shownAgain = await factory.CallAsync<TriageService, TriageBoardView>(s => s.GetBoardAsync(nurse, nurse.OrganisationId!.Value, shownBlocked, Ct));
        Assert.False(Assert.Single(shownAgain.Citizens, c => c.PatientId == jensId).BlockedByPatient);
    }

    [Fact]
    public async Task A_block_on_another_section_is_not_told_to_the_triage_board()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, _) = await PeopleAsync();
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        var heard = Channel.CreateUnbounded<PathwayChange>();
        using var board = notifier.SubscribeNamed(AudienceKey.TriageBoardOf(nurse.OrganisationId!.Value), change =>
        {
            if (change.PatientId == jensId)
                heard.Writer.TryWrite(change);
            return Task.CompletedTask;
        });

        var blockId = await Sharing(s => s.BlockAsync(jens, jensId,
            new BlockInput(PatientSection.Medication, null, null, BlockAudienceKind.Sectors, [], [Sector.Municipality]), Ct));
        try
        {
            // One subscriber hears changes in the order they were made: once the marker has arrived, the block's would have too.
            var marker = Guid.NewGuid();
            notifier.PathwayChanged(new PathwayChange(jensId, PatientSection.Triage, marker) { SeenBy = [AudienceKey.TriageBoardOf(nurse.OrganisationId!.Value)] });
            Assert.Equal(marker, (await NextFromAsync(heard, jensId)).ItemId);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    [Fact]
    public async Task A_calendar_blocked_for_the_municipality_is_gone_from_the_nurses_staff_calendar_which_says_something_is_blocked()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, _) = await PeopleAsync();
        var today = CopenhagenTime.Today(TimeProvider.System);
        var before = await StaffCalendarAsync(nurse, today);
        Assert.Contains(before.Appointments, a => a.Appointment.PatientId == jensId);
        Assert.False(before.SomethingBlocked);

        var blockId = await Sharing(s => s.BlockAsync(jens, jensId,
            new BlockInput(PatientSection.Calendar, null, null, BlockAudienceKind.Sectors, [], [Sector.Municipality]), Ct));
        try
        {
            var after = await StaffCalendarAsync(nurse, today);
            Assert.DoesNotContain(after.Appointments, a => a.Appointment.PatientId == jensId);
            Assert.True(after.SomethingBlocked);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    private Task<StaffCalendarView> StaffCalendarAsync(Actor actor, DateOnly today) =>
        factory.CallAsync<StaffCalendarService, StaffCalendarView>(s => s.GetAsync(actor, today, today.AddDays(StaffCalendarService.MaxDays - 1), false, Ct));

    [Fact]
    public async Task A_blocked_condition_is_no_search_hit_and_the_hit_on_Jens_shows_no_items()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, gp) = await PeopleAsync();
        var condition = await ConditionOfAsync(jensId, Hypertension);
        var blockId = await Sharing(s => s.BlockAsync(jens, jensId, ItemBlock(BlockedItemKind.Condition, condition), Ct));
        try
        {
            foreach (var actor in new[] { nurse, gp })
            {
                foreach (var text in new[] { Hypertension, "hypertension" })
                {
                    var hits = await SearchAsync(actor, text);
                    Assert.Null(hits.Problem);
                    Assert.Equal(0, hits.TotalCount);
                    Assert.Empty(hits.Items);
                }
            }
            var jensHit = Assert.Single((await SearchAsync(nurse, "Jens Jensen")).Items, i => i.Id == jensId);
            Assert.Equal(new PatientListItem(jensId, "Jens Jensen", jensHit.Cpr, jensHit.Age, jensHit.City), jensHit);
            Assert.DoesNotContain(Hypertension, jensHit.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    private static async Task<PathwayChange> NextFromAsync(Channel<PathwayChange> heard, Guid patientId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(PathwayTestData.SignalTimeout);
        while (true)
        {
            var change = await heard.Reader.ReadAsync(timeout.Token);
            if (change.PatientId == patientId)
                return change;
        }
    }

    private static BlockInput ItemBlock(BlockedItemKind kind, Guid id) =>
        new(null, kind, id, BlockAudienceKind.Sectors, [], [Sector.Municipality]);

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private async Task<(Actor Jens, Actor Nurse, Actor Gp)> PeopleAsync() =>
        (await factory.ActorAsync("jens", Ct), await factory.ActorAsync("nurse.holm", Ct), await factory.ActorAsync("gp.larsen", Ct));

    private async Task<Guid> ConditionOfAsync(Guid jensId, string text)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Patients.AsNoTracking().Where(p => p.Id == jensId).SelectMany(p => p.Conditions)
            .Where(c => c.Text == text).Select(c => c.Id).FirstAsync(Ct);
    }

    private async Task<(Guid Id, string Location)> UpcomingGpAppointmentAsync(Guid jensId)
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var now = DateTimeOffset.UtcNow;
        var appointment = (await db.Appointments.AsNoTracking()
                .Where(a => a.PatientId == jensId && a.OrganisationId == gp.OrganisationId && a.Location != null && a.Status == AppointmentStatus.Booked)
                .ToListAsync(Ct))
            .Where(a => a.Start > now && a.Start < now + PathwaySummaryService.Horizon)
            .OrderBy(a => a.Start).First();
        return (appointment.Id, appointment.Location!);
    }

    private Task<PatientSearchResult> SearchAsync(Actor actor, string text) =>
        factory.CallAsync<PatientDirectoryService, PatientSearchResult>(s => s.SearchAsync(actor, text, 0, 20, Ct));

    private Task<PatientOverview> OverviewAsync(Actor actor, Guid jensId) =>
        factory.CallAsync<PatientOverviewService, PatientOverview>(s => s.GetAsync(actor, jensId, Ct));

    private Task<PathwayHeader> HeaderAsync(Actor actor, Guid jensId) =>
        factory.CallAsync<PathwayHeaderService, PathwayHeader>(s => s.GetAsync(actor, jensId, Ct));

    /// <summary>The summary's text in English, without white space (PdfPig splits lines and words as laid out).</summary>
    private async Task<string> SummaryTextAsync(Actor actor, Guid jensId)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            var pdf = await factory.CallAsync<PathwaySummaryService, byte[]>(s => s.WriteAsync(actor, jensId, Ct));
            return PdfFacts.Flat(string.Join("\n", PdfFacts.PageTexts(pdf)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private async Task<IReadOnlyList<string>> EverythingIdsAsync(Actor actor, Guid jensId)
    {
        var record = await factory.CallAsync<FhirRecordService, FhirRecord>(s => s.EverythingAsync(actor, jensId, Ct));
        var bundle = FhirEverything.Bundle(record, new Uri("https://care.example/fhir/"), DateTimeOffset.UtcNow);
        return [.. bundle.Entry.Select(e => e.Resource?.Id ?? "")];
    }

    private async Task<BoardCitizen> BoardCardAsync(Actor nurse, Guid jensId)
    {
        var board = await factory.CallAsync<TriageService, TriageBoardView>(s => s.GetBoardAsync(nurse, nurse.OrganisationId!.Value, ct: Ct));
        return Assert.Single(board.Citizens, c => c.PatientId == jensId);
    }

    private Task<T> Sharing<T>(Func<SharingBlockService, Task<T>> call) => factory.CallAsync(call);

    private Task Sharing(Func<SharingBlockService, Task> call) => factory.CallAsync(call);
}

public sealed class SharingBlockChannelTests_Sqlite(SqliteAppFactory factory) : SharingBlockChannelTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class SharingBlockChannelTests_PostgreSql(PostgreSqlAppFactory factory) : SharingBlockChannelTests(factory), IClassFixture<PostgreSqlAppFactory>;
