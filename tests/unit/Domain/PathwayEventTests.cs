using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.UnitTests.Domain;

public sealed class PathwayEventTests
{
    private static readonly Guid PatientId = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 11, 29, 13, 30, 0, TimeSpan.Zero);
    private static readonly Organisation Hospital = new("Havby Hospital", SorCode.Parse("100000000003114"), Sector.Hospital);

    [Fact]
    public void CareTeamLeft_StoresAKindAndValues_WithTheDateInIso8601_AndNoSentence()
    {
        var e = PathwayEvent.CareTeamLeft(PatientId, At, Hospital, new DateOnly(2026, 12, 1), "Lise Dahl");

        Assert.Equal(PathwayEventKind.CareTeamLeft, e.Kind);
        Assert.Equal(PathwayEventType.TeamChange, e.Type);
        Assert.Equal("Havby Hospital", e.Parameters[PathwayEventParameters.Organisation]);
        Assert.Equal("2026-12-01", e.Parameters[PathwayEventParameters.Date]);
        Assert.Equal("Lise Dahl", e.Parameters[PathwayEventParameters.By]);
        Assert.Null(e.Title);
        Assert.Null(e.Detail);
    }

    [Fact]
    public void AppointmentEvents_NameTheAppointment_SoItsBlockHidesThem_OthersNameNoItem()
    {
        var appointment = Guid.NewGuid();
        var booked = PathwayEvent.AppointmentBooked(PatientId, At, Hospital, appointment, AppointmentType.FollowUp, At.AddDays(2), 1, "Lise Dahl");
        var cancelled = PathwayEvent.AppointmentCancelled(PatientId, At, Hospital, appointment, AppointmentType.FollowUp, At.AddDays(2), 1, "Ill", "Lise Dahl");
        var held = PathwayEvent.DischargeConferenceHeld(PatientId, At, Hospital, appointment, At.AddHours(-1), "Lise Dahl", [], []);

        Assert.All([booked, cancelled, held], e =>
        {
            Assert.Equal(BlockedItemKind.Appointment, e.AboutItemKind);
            Assert.Equal(appointment, e.AboutItemId);
        });
        var admitted = PathwayEvent.Admitted(PatientId, At, Hospital);
        Assert.Null(admitted.AboutItemKind);
        Assert.Null(admitted.AboutItemId);
        Assert.Throws<DomainException>(() =>
            PathwayEvent.AppointmentBooked(PatientId, At, Hospital, Guid.Empty, AppointmentType.FollowUp, At.AddDays(2), 1, "Lise Dahl"));
    }

    [Fact]
    public void CareTeamJoined_StoresTheRoleByItsCode_AndLeavesOutUnknownValues()
    {
        var e = PathwayEvent.CareTeamJoined(PatientId, At, Hospital, CareTeamRole.TreatingHospital, reason: " ", addedBy: null);

        Assert.Equal(nameof(CareTeamRole.TreatingHospital), e.Parameters[PathwayEventParameters.Role]);
        Assert.False(e.Parameters.ContainsKey(PathwayEventParameters.Reason));
        Assert.False(e.Parameters.ContainsKey(PathwayEventParameters.By));
    }

    [Fact]
    public void FreeText_IsKindText_WithItsTitleAndDetail()
    {
        var e = new PathwayEvent(PatientId, At, PathwayEventType.Admission, Sector.Hospital, null, "Havby Hospital", "Admitted", "Oxygen");

        Assert.Equal(PathwayEventKind.Text, e.Kind);
        Assert.Equal(("Admitted", "Oxygen"), (e.Title, e.Detail));
        Assert.Empty(e.Parameters);
    }

    [Fact]
    public void AKnownKind_IsRequired_ForValues()
    {
        Assert.Throws<DomainException>(() => new PathwayEvent(PatientId, At, PathwayEventType.Message, Sector.Hospital, null, "Havby Hospital",
            PathwayEventKind.Text, new Dictionary<string, string?>()));
        Assert.Throws<DomainException>(() => new PathwayEvent(PatientId, At, PathwayEventType.Message, Sector.Hospital, null, "Havby Hospital",
            (PathwayEventKind)999, new Dictionary<string, string?>()));
    }

    [Fact]
    public void AValue_LongerThanAllowed_IsRefused() =>
        Assert.Throws<DomainException>(() => PathwayEvent.MessageShared(PatientId, At, Hospital, new string('x', PathwayEventParameters.ValueMaxLength + 1), "Lise"));
}
