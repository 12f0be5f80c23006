using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.UnitTests.Domain;

/// <summary>An edit based on a version someone else has since replaced is refused, saying who changed it and when.</summary>
public sealed class StaleEditTests
{
    private static readonly Guid HomeCare = Guid.NewGuid();
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly ChangeStamp Created = new("Anna Nurse", new DateTimeOffset(2025, 3, 7, 8, 0, 0, TimeSpan.Zero));
    private static readonly ChangeStamp TheirEdit = new("Bo Doctor", new DateTimeOffset(2025, 3, 7, 9, 30, 15, TimeSpan.Zero));
    private static readonly ChangeStamp MyEdit = new("Carl Coordinator", new DateTimeOffset(2025, 3, 7, 9, 31, 0, TimeSpan.Zero));

    private static Patient NewPatient() => new("Jens", "Hansen", Cpr.Parse("0703921234", CprTests.Today));

    private static (Patient Patient, CareTeamMembership Member) WithMember()
    {
        var patient = NewPatient();
        var member = patient.JoinCareTeam(HomeCare, CareTeamRole.HomeCare, new Period(From), "Lise Hjemmepleje", "+45 11 22 33 44", Created, "Discharged with daily home care");
        return (patient, member);
    }

    private static (Patient Patient, ContactRelative Relative) WithRelative()
    {
        var patient = NewPatient();
        var relative = patient.AddRelative("Ulla Hansen", RelationshipCode.SPS, "+45 55 66 77 88", true, Created);
        return (patient, relative);
    }

    private static void AssertNames(StaleEditException ex, ChangeStamp by)
    {
        Assert.Equal(by.ByName, ex.ChangedBy);
        Assert.Equal(by.At, ex.ChangedAt);
        Assert.Contains(by.ByName, ex.Message, StringComparison.Ordinal);
        Assert.Contains(CopenhagenTime.ToCopenhagen(by.At).ToString("d MMM yyyy HH:mm:ss"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeCareTeamMember_CurrentVersion_ChangesAndStampsNewVersion()
    {
        var (patient, member) = WithMember();
        var loaded = member.Version;

        patient.ChangeCareTeamMember(member.Id, loaded, CareTeamRole.HomeNursing, "Mette Sygeplejerske", "87654321", new Period(From), MyEdit);

        Assert.NotEqual(loaded, member.Version);
        Assert.Equal((CareTeamRole.HomeNursing, "Mette Sygeplejerske", "87654321"), (member.Role, member.PersonName, member.Phone));
        Assert.Equal((MyEdit.ByName, MyEdit.At), (member.ChangedBy, member.ChangedAt));
    }

    [Fact]
    public void ChangeCareTeamMember_OldVersion_ThrowsWithWhoWhenAndStoredValues()
    {
        var (patient, member) = WithMember();
        var loaded = member.Version;
        patient.ChangeCareTeamMember(member.Id, loaded, CareTeamRole.HomeCare, "Karen Hjemmepleje", "+45 99 88 77 66", new Period(From, new DateOnly(2025, 6, 30)), TheirEdit);

        var ex = Assert.Throws<StaleEditException>(() =>
            patient.ChangeCareTeamMember(member.Id, loaded, CareTeamRole.HomeCare, "Mette Sygeplejerske", "87654321", new Period(From), MyEdit));

        AssertNames(ex, TheirEdit);
        Assert.Equal("This care team member", ex.Item);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["Role"] = "HomeCare",
            ["Person"] = "Karen Hjemmepleje",
            ["Phone"] = "+45 99 88 77 66",
            ["From"] = "2025-01-01",
            ["To"] = "2025-06-30",
        }, ex.CurrentValues);
        Assert.Equal("Karen Hjemmepleje", member.PersonName);
        Assert.Equal(TheirEdit.ByName, member.ChangedBy);
    }

    [Fact]
    public void ChangeCareTeamMember_ChangedWithoutStamp_NamesSomeone()
    {
        var patient = NewPatient();
        var member = patient.JoinCareTeam(HomeCare, CareTeamRole.HomeCare, new Period(From));
        var loaded = member.Version;
        patient.EndCareTeamMembership(member.Id, new DateOnly(2025, 2, 1));

        var ex = Assert.Throws<StaleEditException>(() =>
            patient.ChangeCareTeamMember(member.Id, loaded, CareTeamRole.HomeCare, null, null, new Period(From), MyEdit));

        Assert.Equal("someone", ex.ChangedBy);
    }

    [Fact]
    public void EndCareTeamMembership_CurrentVersion_EndsAndStamps()
    {
        var (patient, member) = WithMember();
        var loaded = member.Version;

        patient.EndCareTeamMembership(member.Id, loaded, new DateOnly(2025, 3, 31), MyEdit);

        Assert.Equal(new DateOnly(2025, 3, 31), member.To);
        Assert.NotEqual(loaded, member.Version);
        Assert.Equal((MyEdit.ByName, MyEdit.At), (member.ChangedBy, member.ChangedAt));
    }

    [Fact]
    public void EndCareTeamMembership_OldVersion_ThrowsAndLeavesMembershipOpen()
    {
        var (patient, member) = WithMember();
        var loaded = member.Version;
        patient.ChangeCareTeamMember(member.Id, loaded, CareTeamRole.HomeCare, "Karen Hjemmepleje", null, new Period(From), TheirEdit);

        var ex = Assert.Throws<StaleEditException>(() => patient.EndCareTeamMembership(member.Id, loaded, new DateOnly(2025, 3, 31), MyEdit));

        AssertNames(ex, TheirEdit);
        Assert.Equal("Karen Hjemmepleje", ex.CurrentValues["Person"]);
        Assert.Null(ex.CurrentValues["To"]);
        Assert.Null(member.To);
    }

    [Fact]
    public void ChangeRelative_CurrentVersion_ChangesAndStampsNewVersion()
    {
        var (patient, relative) = WithRelative();
        var loaded = relative.Version;

        patient.ChangeRelative(relative.Id, loaded, "Ulla Jensen", RelationshipCode.SPS, "12345678", false, MyEdit);

        Assert.NotEqual(loaded, relative.Version);
        Assert.Equal(("Ulla Jensen", "12345678", false), (relative.Name, relative.Phone, relative.IsContactRelative));
        Assert.Equal((MyEdit.ByName, MyEdit.At), (relative.ChangedBy, relative.ChangedAt));
    }

    [Fact]
    public void ChangeRelative_OldVersion_ThrowsWithWhoWhenAndStoredValues()
    {
        var (patient, relative) = WithRelative();
        var loaded = relative.Version;
        patient.ChangeRelative(relative.Id, loaded, "Ulla Hansen", RelationshipCode.SPS, "+45 12 34 56 78", false, TheirEdit);

        var ex = Assert.Throws<StaleEditException>(() =>
            patient.ChangeRelative(relative.Id, loaded, "Ulla Jensen", RelationshipCode.NOK, "87654321", true, MyEdit));

        AssertNames(ex, TheirEdit);
        Assert.Equal("This relative", ex.Item);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["Name"] = "Ulla Hansen",
            ["Relationship"] = "SPS",
            ["Phone"] = "+45 12 34 56 78",
            ["Contact relative"] = "No",
        }, ex.CurrentValues);
        Assert.Equal(("Ulla Hansen", "+45 12 34 56 78"), (relative.Name, relative.Phone));
    }

    [Fact]
    public void RemoveRelative_CurrentVersion_Removes()
    {
        var (patient, relative) = WithRelative();

        patient.RemoveRelative(relative.Id, relative.Version, MyEdit);

        Assert.Empty(patient.Relatives);
    }

    [Fact]
    public void RemoveRelative_OldVersion_ThrowsAndKeepsRelative()
    {
        var (patient, relative) = WithRelative();
        var loaded = relative.Version;
        patient.ChangeRelative(relative.Id, loaded, "Ulla Hansen", RelationshipCode.SPS, "+45 12 34 56 78", true, TheirEdit);

        var ex = Assert.Throws<StaleEditException>(() => patient.RemoveRelative(relative.Id, loaded, MyEdit));

        AssertNames(ex, TheirEdit);
        Assert.Equal("+45 12 34 56 78", ex.CurrentValues["Phone"]);
        Assert.Same(relative, Assert.Single(patient.Relatives));
    }

    [Fact]
    public void RemoveRelative_AlreadyRemoved_ThrowsDomainException()
    {
        var (patient, relative) = WithRelative();
        patient.RemoveRelative(relative.Id, relative.Version, TheirEdit);

        var ex = Assert.Throws<DomainException>(() => patient.RemoveRelative(relative.Id, relative.Version, MyEdit));

        Assert.Contains("no longer registered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangePreferredContactChannel_ExpectedCurrent_ChangesAndRecordsWho()
    {
        var patient = NewPatient();

        patient.ChangePreferredContactChannel(ContactChannel.Phone, ContactChannel.SecureMessage, MyEdit);

        Assert.Equal(ContactChannel.SecureMessage, patient.PreferredContactChannel);
        Assert.Equal((MyEdit.ByName, MyEdit.At), (patient.ContactChannelChangedBy, patient.ContactChannelChangedAt));
    }

    [Fact]
    public void ChangePreferredContactChannel_WrongExpected_ThrowsWithWhoWhenAndStoredValue()
    {
        var patient = NewPatient();
        patient.ChangePreferredContactChannel(ContactChannel.Phone, ContactChannel.Letter, TheirEdit);

        var ex = Assert.Throws<StaleEditException>(() =>
            patient.ChangePreferredContactChannel(ContactChannel.Phone, ContactChannel.SecureMessage, MyEdit));

        AssertNames(ex, TheirEdit);
        Assert.Equal(new Dictionary<string, string?> { ["Preferred contact channel"] = "Letter" }, ex.CurrentValues);
        Assert.Equal(ContactChannel.Letter, patient.PreferredContactChannel);
    }
}
