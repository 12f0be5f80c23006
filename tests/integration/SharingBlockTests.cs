using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.CalendarFeeds;
using CareWorkspace.Web.Features.Sharing;
using CareWorkspace.Web.Features.Timeline;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The patient's blocks hold in every channel that lists items (timeline, calendar, iCal, hub notices), through the one
/// access policy; emergency access opens them for one clinician, recorded as emergency access, and the patient is told.
/// </summary>
public abstract class SharingBlockTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admission_blocked_for_the_municipality_is_gone_from_the_nurses_timeline_and_its_count_but_the_GP_and_hospital_see_it()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, gp, doctor) = await PeopleAsync();
        var admission = await AdmissionOfAsync(jensId);
        var nurseBefore = await TimelineAsync(nurse, jensId);
        Assert.Contains(nurseBefore.Entries, e => e.Id == admission);

        var blockId = await Sharing(s => s.BlockAsync(jens, jensId, ItemBlock(BlockedItemKind.TimelineEntry, admission, Sector.Municipality), Ct));
        try
        {
            var nurseAfter = await TimelineAsync(nurse, jensId);
            Assert.DoesNotContain(nurseAfter.Entries, e => e.Id == admission);
            Assert.Equal(nurseBefore.TotalCount - 1, nurseAfter.TotalCount);
            Assert.Contains((await TimelineAsync(gp, jensId)).Entries, e => e.Id == admission);
            Assert.Contains((await TimelineAsync(doctor, jensId)).Entries, e => e.Id == admission);
            Assert.Contains((await TimelineAsync(jens, jensId)).Entries, e => e.Id == admission);

            var notice = await factory.CallAsync<EmergencyAccessService, SharingNotice>(s => s.NoticeAsync(nurse, jensId, Ct));
            Assert.True(notice.SomethingBlocked);
            Assert.False((await factory.CallAsync<EmergencyAccessService, SharingNotice>(s => s.NoticeAsync(gp, jensId, Ct))).SomethingBlocked);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
        Assert.Contains((await TimelineAsync(nurse, jensId)).Entries, e => e.Id == admission);
        var lifted = Assert.Single((await Sharing(s => s.GetAsync(jens, jensId, Ct))).Blocks, b => b.Id == blockId);
        Assert.False(lifted.IsActive);
    }

    [Fact]
    public async Task An_appointment_blocked_for_the_municipality_is_gone_from_the_nurses_calendar_and_iCal_file_but_not_the_GPs()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, gp, _) = await PeopleAsync();
        var (appointment, day) = await GpAppointmentOfAsync(jensId);

        var blockId = await Sharing(s => s.BlockAsync(jens, jensId, ItemBlock(BlockedItemKind.Appointment, appointment, Sector.Municipality), Ct));
        try
        {
            Assert.DoesNotContain((await CalendarAsync(nurse, jensId, day)).Appointments, a => a.Id == appointment);
            Assert.Contains((await CalendarAsync(gp, jensId, day)).Appointments, a => a.Id == appointment);
            Assert.Null(await factory.CallAsync<AppointmentService, DateOnly?>(s => s.DayOfAsync(nurse, jensId, appointment, Ct)));

            var nurseFile = await factory.CallAsync<CalendarFeedService, string>(s => s.DownloadAsync(nurse, jensId, Ct));
            var gpFile = await factory.CallAsync<CalendarFeedService, string>(s => s.DownloadAsync(gp, jensId, Ct));
            Assert.Contains("BEGIN:VEVENT", nurseFile, StringComparison.Ordinal);
            Assert.DoesNotContain(appointment.ToString(), nurseFile, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(appointment.ToString(), gpFile, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    [Fact]
    public async Task Timeline_events_about_an_appointment_and_an_admission_blocked_for_the_municipality_are_gone_from_the_nurses_timeline_and_count_but_not_the_GPs()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, gp, _) = await PeopleAsync();
        var admission = await AdmissionOfAsync(jensId);
        var appointment = await factory.CallAsync<AppointmentService, Guid>(s => s.BookAsync(gp, jensId, CalendarTestData.FollowUp(gp), Ct));
        var version = await VersionOfAsync(appointment);
        await factory.CallAsync<AppointmentService>(s => s.CancelAsync(gp, jensId, appointment, version, "Not needed after all", SeriesScope.ThisOccurrence, Ct));
        IReadOnlyList<Guid> aboutIt;
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            aboutIt = await db.PathwayEvents.AsNoTracking()
                .Where(e => e.AboutItemKind == BlockedItemKind.Appointment && e.AboutItemId == appointment).Select(e => e.Id).ToListAsync(Ct);
        }
        Assert.Equal(2, aboutIt.Count);
        var nurseBefore = await TimelineAsync(nurse, jensId);
        Assert.All(aboutIt.Append(admission), id => Assert.Contains(nurseBefore.Entries, e => e.Id == id));

        var blocks = new[]
        {
            await Sharing(s => s.BlockAsync(jens, jensId, ItemBlock(BlockedItemKind.Appointment, appointment, Sector.Municipality), Ct)),
            await Sharing(s => s.BlockAsync(jens, jensId, ItemBlock(BlockedItemKind.TimelineEntry, admission, Sector.Municipality), Ct)),
        };
        try
        {
            var nurseAfter = await TimelineAsync(nurse, jensId);
            Assert.All(aboutIt.Append(admission), id => Assert.DoesNotContain(nurseAfter.Entries, e => e.Id == id));
            Assert.Equal(nurseBefore.TotalCount - 3, nurseAfter.TotalCount);
            var appointmentsOnly = new TimelineFilter(Types: new HashSet<PathwayEventType> { PathwayEventType.Appointment });
            var nurseAppointments = await factory.CallAsync<TimelineService, TimelinePage>(s => s.GetAsync(nurse, jensId, appointmentsOnly, 0, 10, Ct));
            Assert.DoesNotContain(nurseAppointments.Entries, e => aboutIt.Contains(e.Id));

            var gpAfter = await TimelineAsync(gp, jensId);
            Assert.All(aboutIt.Append(admission), id => Assert.Contains(gpAfter.Entries, e => e.Id == id));
            var jensAfter = await TimelineAsync(jens, jensId);
            Assert.All(aboutIt, id => Assert.Contains(jensAfter.Entries, e => e.Id == id));
        }
        finally
        {
            foreach (var blockId in blocks)
                await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
        var nurseLifted = await TimelineAsync(nurse, jensId);
        Assert.Equal(nurseBefore.TotalCount, nurseLifted.TotalCount);
        Assert.All(aboutIt, id => Assert.Contains(nurseLifted.Entries, e => e.Id == id));
    }

    [Fact]
    public async Task Care_plan_entries_on_the_timeline_follow_a_block_on_the_care_plan_section_while_rehabilitation_entries_stay()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, gp, _) = await PeopleAsync();
        PathwayEvent planMade, rehabilitationMade;
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var practice = await db.Organisations.SingleAsync(o => o.Id == gp.OrganisationId, Ct);
            planMade = PathwayEvent.CarePlanCreated(jensId, DateTimeOffset.UtcNow, practice, "COPD plan " + Guid.NewGuid().ToString("N")[..6], gp.DisplayName);
            rehabilitationMade = PathwayEvent.RehabilitationPlanMade(jensId, DateTimeOffset.UtcNow, practice, "General", gp.DisplayName);
            db.PathwayEvents.AddRange(planMade, rehabilitationMade);
            await db.SaveChangesAsync(Ct);
        }
        var nurseBefore = await TimelineAsync(nurse, jensId);
        Assert.Contains(nurseBefore.Entries, e => e.Id == planMade.Id);
        Assert.Contains(nurseBefore.Entries, e => e.Id == rehabilitationMade.Id);

        var blockId = await Sharing(s => s.BlockAsync(jens, jensId,
            new BlockInput(PatientSection.CarePlan, null, null, BlockAudienceKind.Sectors, [], [Sector.Municipality]), Ct));
        try
        {
            var nurseAfter = await TimelineAsync(nurse, jensId);
            Assert.DoesNotContain(nurseAfter.Entries, e => e.Id == planMade.Id);
            Assert.Contains(nurseAfter.Entries, e => e.Id == rehabilitationMade.Id);
            Assert.Equal(nurseBefore.TotalCount - 1, nurseAfter.TotalCount);
            Assert.Contains((await TimelineAsync(gp, jensId)).Entries, e => e.Id == planMade.Id);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
        Assert.Contains((await TimelineAsync(nurse, jensId)).Entries, e => e.Id == planMade.Id);
    }

    [Fact]
    public async Task A_hub_notice_about_a_blocked_appointment_does_not_reach_the_blocked_organisation()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, _, _, _) = await PeopleAsync();
        var (appointment, _) = await GpAppointmentOfAsync(jensId);
        var blockId = await Sharing(s => s.BlockAsync(jens, jensId, ItemBlock(BlockedItemKind.Appointment, appointment, Sector.Municipality), Ct));
        try
        {
            await using var nurseHub = await JoinedHubAsync("nurse.holm", jensId);
            await using var gpHub = await JoinedHubAsync("gp.larsen", jensId);
            var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();

            notifier.PathwayChanged(new PathwayChange(jensId, PatientSection.Calendar, appointment));
            var other = Guid.NewGuid();
            notifier.PathwayChanged(new PathwayChange(jensId, PatientSection.Calendar, other));

            await WaitForItemAsync(gpHub, jensId, appointment);
            await WaitForItemAsync(nurseHub, jensId, other);
            await SettleAsync();
            Assert.DoesNotContain(nurseHub.Received, n => ItemOf(n) == appointment);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    [Fact]
    public async Task A_series_with_one_occurrence_blocked_drops_its_entries_and_their_hub_notices_for_the_blocked_organisation()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, gp, _) = await PeopleAsync();
        var day = CalendarTestData.NextDay();
        var input = CalendarTestData.FollowUp(gp, day) with { Recurrence = new RecurrenceInput(1, [day.DayOfWeek], Count: 3, Until: null) };
        var first = await factory.CallAsync<AppointmentService, Guid>(s => s.BookAsync(gp, jensId, input, Ct));
        var calendar = (await factory.CallAsync<AppointmentService, CalendarView>(s => s.GetAsync(gp, jensId, day, day.AddDays(14), Ct))).Appointments;
        var seriesId = calendar.Single(a => a.Id == first).SeriesId;
        var occurrences = calendar.Where(a => a.SeriesId == seriesId).OrderBy(a => a.Start).ToList();
        Assert.Equal(3, occurrences.Count);
        var booked = await EntryAboutAsync(jensId, first, PathwayEventKind.AppointmentBooked);
        Assert.Equal(PathwayEventParameters.Write(occurrences[2].Start), booked.Parameters[PathwayEventParameters.Until]);
        var nurseBefore = await TimelineAsync(nurse, jensId);
        Assert.Contains(nurseBefore.Entries, e => e.Id == booked.Id);

        // The second occurrence is blocked: the booking entry names the first, but tells of the whole series.
        var blockId = await Sharing(s => s.BlockAsync(jens, jensId, ItemBlock(BlockedItemKind.Appointment, occurrences[1].Id, Sector.Municipality), Ct));
        try
        {
            var nurseAfter = await TimelineAsync(nurse, jensId);
            Assert.DoesNotContain(nurseAfter.Entries, e => e.Id == booked.Id);
            Assert.Equal(nurseBefore.TotalCount - 1, nurseAfter.TotalCount);
            Assert.Contains((await TimelineAsync(gp, jensId)).Entries, e => e.Id == booked.Id);

            await using var nurseHub = await JoinedHubAsync("nurse.holm", jensId);
            await using var gpHub = await JoinedHubAsync("gp.larsen", jensId);
            await factory.CallAsync<AppointmentService>(s => s.CancelAsync(gp, jensId, first, occurrences[0].Version, "Plan changed", SeriesScope.ThisAndFollowing, Ct));
            var cancelled = await EntryAboutAsync(jensId, first, PathwayEventKind.AppointmentCancelled);
            var marker = Guid.NewGuid();
            factory.Services.GetRequiredService<IPathwayNotifier>().PathwayChanged(new PathwayChange(jensId, PatientSection.Timeline, marker));

            await WaitForItemAsync(gpHub, jensId, cancelled.Id, PatientSection.Timeline);
            await WaitForItemAsync(nurseHub, jensId, marker, PatientSection.Timeline);
            await SettleAsync();
            Assert.DoesNotContain(nurseHub.Received, n => ItemOf(n) == cancelled.Id);
            Assert.DoesNotContain((await TimelineAsync(nurse, jensId)).Entries, e => e.Id == cancelled.Id);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    private async Task<PathwayEvent> EntryAboutAsync(Guid jensId, Guid appointment, PathwayEventKind kind)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.PathwayEvents.AsNoTracking()
            .Where(e => e.PatientId == jensId && e.AboutItemId == appointment && e.Kind == kind).SingleAsync(Ct);
    }

    [Fact]
    public async Task A_blocked_section_is_refused_until_the_doctor_breaks_the_glass_then_it_is_recorded_as_emergency_access_and_Jens_is_told()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, _, gp, doctor) = await PeopleAsync();
        var blockId = await Sharing(s => s.BlockAsync(jens, jensId,
            new BlockInput(PatientSection.Timeline, null, null, BlockAudienceKind.Sectors, [], [Sector.Hospital]), Ct));
        try
        {
            var refused = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => TimelineAsync(doctor, jensId));
            Assert.Equal("The patient has blocked sharing of Timeline with your organisation.", refused.Message);
            Assert.NotEmpty((await TimelineAsync(gp, jensId)).Entries);

            var noReason = await Assert.ThrowsAsync<DomainException>(() => Emergency(s => s.StartAsync(doctor, jensId, " ", null, Ct)));
            Assert.Equal("Reason for emergency access is required.", noReason.Message);
            var tooLong = await Assert.ThrowsAsync<DomainException>(() => Emergency(s => s.StartAsync(doctor, jensId, "Unconscious, allergies unknown", 24 * 60, Ct)));
            Assert.StartsWith("Emergency access can last at most", tooLong.Message, StringComparison.Ordinal);

            const string reason = "Unconscious in the emergency room, need the admission history";
            var started = await Emergency(s => s.StartAsync(doctor, jensId, reason, null, Ct));
            Assert.Equal(TimeSpan.FromHours(2), started.EndsAt - started.StartedAt);

            Assert.NotEmpty((await TimelineAsync(doctor, jensId)).Entries);
            var banner = await factory.CallAsync<EmergencyAccessService, SharingNotice>(s => s.NoticeAsync(doctor, jensId, Ct));
            Assert.Equal(started.Id, banner.ActiveEmergency?.Id);

            await using var db = await factory.CreateDbContextAsync(Ct);
            var record = await db.AccessRecords.AsNoTracking()
                .Where(r => r.UserId == doctor.UserId && r.PatientId == jensId && r.Section == PatientSection.Timeline && r.Allowed)
                .OrderByDescending(r => r.Id).FirstAsync(Ct);
            Assert.True(record.EmergencyAccess);
            Assert.Contains(reason, record.Reason, StringComparison.Ordinal);
            // Breaking the glass is one record, written by the guard: the emergency access with its reason, nothing beside it.
            var start = (await db.AccessRecords.AsNoTracking()
                    .Where(r => r.UserId == doctor.UserId && r.PatientId == jensId && r.Allowed && r.Section == PatientSection.MasterData)
                    .ToListAsync(Ct))
                .Where(r => r.At >= started.StartedAt.AddSeconds(-5) && r.What.Contains("mergency access", StringComparison.Ordinal)
                    && r.Reason?.Contains(reason, StringComparison.Ordinal) == true);
            var one = Assert.Single(start);
            Assert.True(one.EmergencyAccess);
            Assert.Contains(reason, one.Reason, StringComparison.Ordinal);
            var told = await db.Notifications.AsNoTracking()
                .Where(n => n.RecipientUserId == jens.UserId && n.Kind == NotificationKind.EmergencyAccessUsed)
                .OrderByDescending(n => n.CreatedAt).FirstAsync(Ct);
            Assert.Equal(reason, told.Values[NotificationMessage.Reason]);
            Assert.Equal(doctor.DisplayName, told.Values[NotificationMessage.By]);
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    [Fact]
    public async Task The_doctor_ends_emergency_access_early_it_is_logged_announced_and_the_block_holds_again()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, _, doctor) = await PeopleAsync();
        var blockId = await Sharing(s => s.BlockAsync(jens, jensId,
            new BlockInput(PatientSection.Timeline, null, null, BlockAudienceKind.Sectors, [], [Sector.Hospital]), Ct));
        // Another test may have left this doctor an emergency access on Jens: ended first, so only this one is open.
        while ((await factory.CallAsync<EmergencyAccessService, SharingNotice>(s => s.NoticeAsync(doctor, jensId, Ct))).ActiveEmergency is { } earlier)
            await factory.CallAsync<EmergencyAccessService>(s => s.EndEarlyAsync(doctor, jensId, earlier.Id, Ct));
        var consentsChanges = System.Threading.Channels.Channel.CreateUnbounded<Guid?>();
        using var subscription = factory.Services.GetRequiredService<IPathwayNotifier>().Subscribe(jensId, PatientSection.Consents,
            change =>
            {
                if (change.ByUserId == doctor.UserId)
                    consentsChanges.Writer.TryWrite(change.ItemId);
                return Task.CompletedTask;
            });
        try
        {
            var started = await Emergency(s => s.StartAsync(doctor, jensId, "Unconscious on arrival, need the admission history", null, Ct));
            await NextAsync(consentsChanges, started.Id);
            Assert.NotEmpty((await TimelineAsync(doctor, jensId)).Entries);

            var notHis = await Assert.ThrowsAsync<DomainException>(() => factory.CallAsync<EmergencyAccessService>(s => s.EndEarlyAsync(nurse, jensId, started.Id, Ct)));
            Assert.Equal("You have no such emergency access to this patient.", notHis.Message);
            Assert.Equal(notHis.Message, await AccessTestData.LatestRefusalAsync(factory, nurse.UserId, jensId, Ct));

            await factory.CallAsync<EmergencyAccessService>(s => s.EndEarlyAsync(doctor, jensId, started.Id, Ct));

            await NextAsync(consentsChanges, started.Id);
            Assert.Null((await factory.CallAsync<EmergencyAccessService, SharingNotice>(s => s.NoticeAsync(doctor, jensId, Ct))).ActiveEmergency);
            await Assert.ThrowsAsync<PatientAccessDeniedException>(() => TimelineAsync(doctor, jensId));
            await using var db = await factory.CreateDbContextAsync(Ct);
            var ended = await db.EmergencyAccesses.AsNoTracking().SingleAsync(e => e.Id == started.Id, Ct);
            Assert.True(ended.EndsAt < started.EndsAt);
            var record = await db.AccessRecords.AsNoTracking()
                .Where(r => r.UserId == doctor.UserId && r.PatientId == jensId && r.What == EmergencyAccess.EndedRecordWhat)
                .OrderByDescending(r => r.Id).FirstAsync(Ct);
            Assert.True(record.Allowed);
            Assert.False(record.EmergencyAccess);

            var again = await Assert.ThrowsAsync<DomainException>(() => factory.CallAsync<EmergencyAccessService>(s => s.EndEarlyAsync(doctor, jensId, started.Id, Ct)));
            Assert.Equal("Emergency access has already ended.", again.Message);
            Assert.Equal(again.Message, await AccessTestData.LatestRefusalAsync(factory, doctor.UserId, jensId, Ct));
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    /// <summary>Waits for the next change about <paramref name="item"/> (earlier ones about other items are passed over).</summary>
    private static async Task NextAsync(System.Threading.Channels.Channel<Guid?> changes, Guid item)
    {
        while (await changes.Reader.ReadAsync(Ct).AsTask().WaitAsync(PathwayTestData.SignalTimeout, Ct) != item)
        {
        }
    }

    [Fact]
    public async Task A_forged_item_id_or_staff_without_a_reason_is_refused_and_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, nurse, _, _) = await PeopleAsync();

        var forged = await Assert.ThrowsAsync<DomainException>(() =>
            Sharing(s => s.BlockAsync(jens, jensId, ItemBlock(BlockedItemKind.TimelineEntry, Guid.NewGuid(), Sector.Municipality), Ct)));
        Assert.Equal("There is no such item in this patient's record.", forged.Message);
        Assert.Equal(forged.Message, await AccessTestData.LatestRefusalAsync(factory, jens.UserId, jensId, Ct));

        var staff = await Assert.ThrowsAsync<DomainException>(() =>
            Sharing(s => s.BlockAsync(nurse, jensId, new BlockInput(PatientSection.Calendar, null, null, BlockAudienceKind.Sectors, [], [Sector.Hospital]), Ct)));
        Assert.Equal("Staff acting for the patient must give a reason for the block.", staff.Message);
        Assert.Equal(staff.Message, await AccessTestData.LatestRefusalAsync(factory, nurse.UserId, jensId, Ct));

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Sharing(s => s.GetAsync(nurse, jensId, Ct)));
    }

    [Fact]
    public async Task Staff_who_may_create_consents_block_for_the_patient_with_a_reason_and_the_patient_sees_it_as_made_by_staff()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (jens, _, gp, _) = await PeopleAsync();
        var physio = await factory.ActorAsync("physio.mikkelsen", Ct);

        // The one policy decides who may (Consents, create): the GP may, the physiotherapist may not.
        var choices = await factory.CallAsync<SharingBlockService, StaffBlockChoices?>(s => s.StaffChoicesAsync(gp, jensId, Ct));
        Assert.NotNull(choices);
        Assert.Contains(PatientSection.Calendar, choices.Sections);
        Assert.Null(await factory.CallAsync<SharingBlockService, StaffBlockChoices?>(s => s.StaffChoicesAsync(physio, jensId, Ct)));
        Assert.Null(await factory.CallAsync<SharingBlockService, StaffBlockChoices?>(s => s.StaffChoicesAsync(jens, jensId, Ct)));
        var input = new BlockInput(PatientSection.Calendar, null, null, BlockAudienceKind.Sectors, [], [Sector.Hospital], "The patient asked by phone.");
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Sharing(s => s.BlockAsync(physio, jensId, input, Ct)));
        var noReason = await Assert.ThrowsAsync<DomainException>(() => Sharing(s => s.BlockAsync(gp, jensId, input with { Reason = "  " }, Ct)));
        Assert.Equal("Staff acting for the patient must give a reason for the block.", noReason.Message);
        Assert.Equal(noReason.Message, await AccessTestData.LatestRefusalAsync(factory, gp.UserId, jensId, Ct));

        var blockId = await Sharing(s => s.BlockAsync(gp, jensId, input, Ct));
        try
        {
            var block = Assert.Single((await Sharing(s => s.GetAsync(jens, jensId, Ct))).Blocks, b => b.Id == blockId);
            Assert.False(block.CreatedByPatient);
            Assert.Equal(gp.DisplayName, block.CreatedByName);
            Assert.Equal("The patient asked by phone.", block.CreatedReason);
            await using var db = await factory.CreateDbContextAsync(Ct);
            Assert.True(await db.AccessRecords.AnyAsync(r => r.UserId == gp.UserId && r.PatientId == jensId && r.Section == PatientSection.Consents
                && r.Action == AccessAction.Create && r.Allowed, Ct));
        }
        finally
        {
            await Sharing(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    private static BlockInput ItemBlock(BlockedItemKind kind, Guid id, Sector sector) =>
        new(null, kind, id, BlockAudienceKind.Sectors, [], [sector]);

    private async Task<(Actor Jens, Actor Nurse, Actor Gp, Actor Doctor)> PeopleAsync() =>
        (await factory.ActorAsync("jens", Ct), await factory.ActorAsync("nurse.holm", Ct), await factory.ActorAsync("gp.larsen", Ct),
            await factory.ActorAsync("hospital.doctor", Ct));

    private async Task<Guid> AdmissionOfAsync(Guid jensId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.PathwayEvents.AsNoTracking().Where(e => e.PatientId == jensId && e.Type == PathwayEventType.Admission)
            .OrderByDescending(e => e.At).Select(e => e.Id).FirstAsync(Ct);
    }

    private async Task<Guid> VersionOfAsync(Guid appointmentId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId).Select(a => a.Version).SingleAsync(Ct);
    }

    private async Task<(Guid Id, DateOnly Day)> GpAppointmentOfAsync(Guid jensId)
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var from = DateTimeOffset.UtcNow.AddDays(-30);
        var appointment = (await db.Appointments.AsNoTracking()
                .Where(a => a.PatientId == jensId && a.OrganisationId == gp.OrganisationId)
                .ToListAsync(Ct))
            .Where(a => a.End >= from)
            .OrderBy(a => a.Start).First();
        return (appointment.Id, CopenhagenTime.DateOf(appointment.Start));
    }

    private Task<TimelinePage> TimelineAsync(Actor actor, Guid jensId) =>
        factory.CallAsync<TimelineService, TimelinePage>(s => s.GetAsync(actor, jensId, new TimelineFilter(), 0, TimelineService.MaxPageSize, Ct));

    private Task<CalendarView> CalendarAsync(Actor actor, Guid jensId, DateOnly day) =>
        factory.CallAsync<AppointmentService, CalendarView>(s => s.GetAsync(actor, jensId, day, day, Ct));

    private async Task<PathwayHubClient> JoinedHubAsync(string userName, Guid jensId)
    {
        var (http, cookie) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        http.Dispose();
        var client = new PathwayHubClient(factory, cookie);
        await client.Connection.StartAsync(Ct);
        await client.Connection.InvokeAsync("JoinPatient", jensId, Ct);
        return client;
    }

    private static async Task WaitForItemAsync(PathwayHubClient client, Guid jensId, Guid item, PatientSection section = PatientSection.Calendar)
    {
        await client.NoticeAsync(jensId, section, Ct);
        var deadline = DateTimeOffset.UtcNow + PathwayTestData.SignalTimeout;
        while (!client.Received.Any(n => ItemOf(n) == item) && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(50, Ct);
        Assert.Contains(client.Received, n => ItemOf(n) == item);
    }

    // Different changes are forwarded concurrently, so a later marker may overtake a notice. Once the other receiver has
    // the blocked change's notice, the blocked receiver's decision was made in the same pass: a short wait lets a notice
    // that wrongly went out arrive before the test says none came.
    private static Task SettleAsync() => Task.Delay(TimeSpan.FromMilliseconds(500), Ct);

    private static Guid? ItemOf(System.Text.Json.JsonElement notice) =>
        notice.TryGetProperty("itemId", out var id) && id.TryGetGuid(out var guid) ? guid : null;

    private Task<T> Sharing<T>(Func<SharingBlockService, Task<T>> call) => factory.CallAsync(call);

    private Task Sharing(Func<SharingBlockService, Task> call) => factory.CallAsync(call);

    private Task<T> Emergency<T>(Func<EmergencyAccessService, Task<T>> call) => factory.CallAsync(call);
}

public sealed class SharingBlockTests_Sqlite(SqliteAppFactory factory) : SharingBlockTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class SharingBlockTests_PostgreSql(PostgreSqlAppFactory factory) : SharingBlockTests(factory), IClassFixture<PostgreSqlAppFactory>;
