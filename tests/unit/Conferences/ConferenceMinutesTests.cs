using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Conferences;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.UnitTests.Conferences;

/// <summary>Shared minutes: each participant writes their own entry, so simultaneous writers both keep their text.</summary>
public sealed class ConferenceMinutesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);
    private static readonly Actor Doctor = new("u-doctor", "Mette Hansen", UserRole.HospitalClinician, Guid.NewGuid(), "Lungemedicinsk afdeling");
    private static readonly Actor Gp = new("u-gp", "Peter Larsen", UserRole.GeneralPractitioner, Guid.NewGuid(), "Lægerne Strandvejen");
    private static readonly Actor Nurse = new("u-nurse", "Anne Holm", UserRole.MunicipalNurse, Guid.NewGuid(), "Hjemmeplejen");
    private static readonly Actor Relative = new("u-ulla", "Ulla Jensen", UserRole.Relative, null, null);

    private static ConferenceMinutes NewMinutes() => new(Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void Write_TwoAuthorsFromTheSameStart_BothTextsAreKept()
    {
        var minutes = NewMinutes();
        // Both opened the page on empty minutes (no version) and save one after the other: nothing is overwritten.
        minutes.Write(Doctor, Sector.Hospital, "Discharge Friday; oxygen 2 L.", basedOnVersion: null, At);
        minutes.Write(Gp, Sector.GeneralPractice, "Follow-up consultation within 7 days.", basedOnVersion: null, At.AddSeconds(1));

        Assert.Equal(["Discharge Friday; oxygen 2 L.", "Follow-up consultation within 7 days."], minutes.Entries.Select(e => e.Text));
        Assert.Equal("Mette Hansen", minutes.EntryOf("u-doctor")!.AuthorName);
    }

    [Fact]
    public void Write_OwnEntryFromCurrentVersion_ReplacesItAndMovesTheVersion()
    {
        var minutes = NewMinutes();
        var first = minutes.Write(Nurse, Sector.Municipality, "Home care twice daily.", null, At);
        var version = first.Version;

        minutes.Write(Nurse, Sector.Municipality, "Home care three times daily.", version, At.AddMinutes(1));

        Assert.Single(minutes.Entries);
        Assert.Equal("Home care three times daily.", minutes.Entries[0].Text);
        Assert.NotEqual(version, minutes.Entries[0].Version);
    }

    [Fact]
    public void Write_FromAnOlderVersionOfOwnEntry_IsRefusedWithTheStoredText()
    {
        var minutes = NewMinutes();
        var old = minutes.Write(Nurse, Sector.Municipality, "First window text", null, At).Version;
        minutes.Write(Nurse, Sector.Municipality, "Second window text", old, At.AddMinutes(1));

        var ex = Assert.Throws<StaleEditException>(() => minutes.Write(Nurse, Sector.Municipality, "First window again", old, At.AddMinutes(2)));

        Assert.Equal("Second window text", ex.CurrentValues["Minutes"]);
        Assert.Equal("Second window text", minutes.Entries[0].Text);
    }

    [Fact]
    public void Write_FirstEntryClaimingAVersion_IsRefused()
    {
        var minutes = NewMinutes();
        Assert.Throws<StaleEditException>(() => minutes.Write(Gp, Sector.GeneralPractice, "text", Guid.NewGuid(), At));
        Assert.Empty(minutes.Entries);
    }

    [Fact]
    public void Write_ByARelative_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => NewMinutes().Write(Relative, null, "text", null, At));
        Assert.Equal("Only the health professionals at the conference write its minutes.", ex.Template);
    }

    [Fact]
    public void Finish_LocksTheMinutesAndRecordsAttendees()
    {
        var minutes = NewMinutes();
        var entry = minutes.Write(Doctor, Sector.Hospital, "Plan agreed.", null, At);

        minutes.Finish(Gp, [new ConferenceAttendee("Mette Hansen", "Lungemedicinsk afdeling"), new ConferenceAttendee("Peter Larsen", "Lægerne Strandvejen")], At.AddHours(1));

        Assert.True(minutes.IsFinished);
        Assert.Equal("Peter Larsen", minutes.FinishedByName);
        Assert.Equal(["Mette Hansen", "Peter Larsen"], minutes.Attendees.Select(a => a.Name));
        var ex = Assert.Throws<DomainException>(() => minutes.Write(Doctor, Sector.Hospital, "Late change", entry.Version, At.AddHours(2)));
        Assert.Equal("The minutes were finished by {0} at {1} and can no longer be changed.", ex.Template);
        Assert.Equal("Plan agreed.", minutes.Entries[0].Text);
        Assert.Throws<DomainException>(() => minutes.Finish(Doctor, [new ConferenceAttendee("Mette Hansen", null)], At.AddHours(2)));
    }

    [Fact]
    public void Finish_WithoutAttendeesOrWithoutText_IsRefused()
    {
        var minutes = NewMinutes();
        Assert.Throws<DomainException>(() => minutes.Finish(Doctor, [new ConferenceAttendee("Mette Hansen", null)], At));
        minutes.Write(Doctor, Sector.Hospital, "Plan agreed.", null, At);
        var ex = Assert.Throws<DomainException>(() => minutes.Finish(Doctor, [], At));
        Assert.Equal("Choose who attended the conference.", ex.Template);
        Assert.False(minutes.IsFinished);
    }
}
