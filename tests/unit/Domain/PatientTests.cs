using System.Globalization;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.UnitTests.Domain;

public sealed class PatientTests
{
    private static readonly DateOnly Jan1 = new(2025, 1, 1);
    private static readonly Guid OldGp = Guid.NewGuid();
    private static readonly Guid NewGp = Guid.NewGuid();
    private static readonly Guid Hospital = Guid.NewGuid();

    private static Patient NewPatient() => new("Jens", "Hansen", Cpr.Parse("070392-1234", CprTests.Today));

    [Theory]
    [InlineData("", "Hansen")]
    [InlineData("   ", "Hansen")]
    [InlineData("Jens", "")]
    [InlineData("Jens", "  ")]
    public void Constructor_MissingName_Throws(string given, string family)
    {
        var ex = Assert.Throws<DomainException>(() => new Patient(given, family, Cpr.Parse("070392-1234", CprTests.Today)));

        Assert.Contains("name is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingCpr_Throws()
    {
        Assert.Throws<DomainException>(() => new Patient("Jens", "Hansen", null!));
    }

    [Fact]
    public void Constructor_PaddedNames_TrimsAndBuildsFullName()
    {
        var patient = new Patient(" Jens ", " Hansen ", Cpr.Parse("070392-1234", CprTests.Today));

        Assert.Equal("Jens Hansen", patient.FullName);
    }

    [Fact]
    public void AssignGp_First_AddsOpenGeneralPractitionerMembership()
    {
        var patient = NewPatient();

        patient.AssignGp(OldGp, Jan1);

        var membership = Assert.Single(patient.CareTeam);
        Assert.Equal(OldGp, membership.OrganisationId);
        Assert.Equal(CareTeamRole.GeneralPractitioner, membership.Role);
        Assert.Equal(Jan1, membership.From);
        Assert.Null(membership.To);
        Assert.Equal(OldGp, patient.GpOrganisationId);
    }

    [Fact]
    public void AssignGp_NewGp_EndsPreviousGpMembership()
    {
        var patient = NewPatient();
        patient.AssignGp(OldGp, Jan1);
        var switchDay = new DateOnly(2025, 6, 1);

        patient.AssignGp(NewGp, switchDay);

        var old = Assert.Single(patient.CareTeam, m => m.OrganisationId == OldGp);
        var current = Assert.Single(patient.CareTeam, m => m.OrganisationId == NewGp);
        // The previous practice keeps access up to the day before the new one takes over.
        Assert.Equal(switchDay.AddDays(-1), old.To);
        Assert.False(patient.HasActiveCareTeamMember(OldGp, switchDay));
        Assert.Equal(CareTeamRole.GeneralPractitioner, current.Role);
        Assert.Null(current.To);
        Assert.Equal(NewGp, patient.GpOrganisationId);
        Assert.False(patient.HasActiveCareTeamMember(OldGp, switchDay.AddDays(1)));
        Assert.True(patient.HasActiveCareTeamMember(NewGp, switchDay.AddDays(1)));
    }

    [Fact]
    public void AssignGp_SameGpAgain_AddsNothing()
    {
        var patient = NewPatient();
        patient.AssignGp(OldGp, Jan1);

        patient.AssignGp(OldGp, Jan1.AddMonths(3));

        Assert.Single(patient.CareTeam);
    }

    [Fact]
    public void AssignGp_NewGp_LeavesOtherRolesAlone()
    {
        var patient = NewPatient();
        patient.AssignGp(OldGp, Jan1);
        patient.JoinCareTeam(Hospital, CareTeamRole.TreatingHospital, new Period(Jan1));

        patient.AssignGp(NewGp, Jan1.AddMonths(1));

        Assert.Null(patient.CareTeam.Single(m => m.OrganisationId == Hospital).To);
    }

    // The aggregate must check before it changes anything: a refused GP must not end the current one.
    [Fact]
    public void AssignGp_EmptyOrganisation_ThrowsAndKeepsCurrentGp()
    {
        var patient = NewPatient();
        patient.AssignGp(OldGp, Jan1);

        Assert.Throws<DomainException>(() => patient.AssignGp(Guid.Empty, Jan1.AddMonths(1)));

        Assert.Equal(OldGp, patient.GpOrganisationId);
        Assert.Null(Assert.Single(patient.CareTeam).To);
    }

    [Theory]
    [InlineData("2025-01-01", null, "2025-06-01", null)]
    [InlineData("2025-01-01", "2025-03-31", "2025-03-31", null)]
    [InlineData("2025-03-01", null, "2025-01-01", "2025-03-01")]
    [InlineData("2025-01-01", "2025-12-31", "2025-04-01", "2025-04-30")]
    public void JoinCareTeam_OverlappingSameOrganisationAndRole_Throws(string existingFrom, string? existingTo, string newFrom, string? newTo)
    {
        var patient = NewPatient();
        patient.JoinCareTeam(Hospital, CareTeamRole.TreatingHospital, PeriodOf(existingFrom, existingTo));

        Assert.Throws<DomainException>(() =>
            patient.JoinCareTeam(Hospital, CareTeamRole.TreatingHospital, PeriodOf(newFrom, newTo)));
        Assert.Single(patient.CareTeam);
    }

    [Fact]
    public void JoinCareTeam_AdjacentPeriods_Allowed()
    {
        var patient = NewPatient();
        patient.JoinCareTeam(Hospital, CareTeamRole.TreatingHospital, PeriodOf("2025-01-01", "2025-03-31"));

        patient.JoinCareTeam(Hospital, CareTeamRole.TreatingHospital, PeriodOf("2025-04-01", null));

        Assert.Equal(2, patient.CareTeam.Count);
    }

    [Fact]
    public void JoinCareTeam_SameOrganisationOtherRole_Allowed()
    {
        var patient = NewPatient();
        patient.JoinCareTeam(Hospital, CareTeamRole.TreatingHospital, new Period(Jan1));

        patient.JoinCareTeam(Hospital, CareTeamRole.Rehabilitation, new Period(Jan1));

        Assert.Equal(2, patient.CareTeam.Count);
    }

    [Fact]
    public void JoinCareTeam_EmptyOrganisation_Throws()
    {
        var patient = NewPatient();

        Assert.Throws<DomainException>(() => patient.JoinCareTeam(Guid.Empty, CareTeamRole.HomeCare, new Period(Jan1)));
    }

    [Fact]
    public void EndCareTeamMembership_BeforeStart_Throws()
    {
        var patient = NewPatient();
        var membership = patient.JoinCareTeam(Hospital, CareTeamRole.TreatingHospital, new Period(Jan1));

        Assert.Throws<DomainException>(() => patient.EndCareTeamMembership(membership.Id, Jan1.AddDays(-1)));
        Assert.Null(membership.To);
    }

    [Fact]
    public void EndCareTeamMembership_OnOrAfterStart_SetsEnd()
    {
        var patient = NewPatient();
        var membership = patient.JoinCareTeam(Hospital, CareTeamRole.TreatingHospital, new Period(Jan1));

        patient.EndCareTeamMembership(membership.Id, Jan1);

        Assert.Equal(Jan1, membership.To);
    }

    [Fact]
    public void EndCareTeamMembership_UnknownId_Throws()
    {
        var patient = NewPatient();

        Assert.Throws<DomainException>(() => patient.EndCareTeamMembership(Guid.NewGuid(), Jan1));
    }

    [Theory]
    [InlineData("2025-02-28", false)]
    [InlineData("2025-03-01", true)]
    [InlineData("2025-03-31", true)]
    [InlineData("2025-04-01", false)]
    public void HasActiveCareTeamMember_Day_RespectsPeriod(string day, bool expected)
    {
        var patient = NewPatient();
        patient.JoinCareTeam(Hospital, CareTeamRole.TreatingHospital, PeriodOf("2025-03-01", "2025-03-31"));

        Assert.Equal(expected, patient.HasActiveCareTeamMember(Hospital, DateOf(day)));
        Assert.False(patient.HasActiveCareTeamMember(Guid.NewGuid(), DateOf(day)));
    }

    [Fact]
    public void HasActiveCareTeamMember_AfterEnding_IsFalseFromNextDay()
    {
        var patient = NewPatient();
        var membership = patient.JoinCareTeam(Hospital, CareTeamRole.TreatingHospital, new Period(Jan1));

        patient.EndCareTeamMembership(membership.Id, Jan1.AddDays(9));

        Assert.True(patient.HasActiveCareTeamMember(Hospital, Jan1.AddDays(9)));
        Assert.False(patient.HasActiveCareTeamMember(Hospital, Jan1.AddDays(10)));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("1234567890123456")]
    [InlineData("1234567a")]
    [InlineData("12-34-56-78")]
    [InlineData("")]
    public void AddRelative_InvalidPhone_Throws(string phone)
    {
        var patient = NewPatient();

        Assert.Throws<DomainException>(() => patient.AddRelative("Ulla Hansen", RelationshipCode.SPS, phone, true));
        Assert.Empty(patient.Relatives);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("+45 12 34 56 78")]
    public void AddRelative_ValidPhone_AddsRelative(string phone)
    {
        var patient = NewPatient();

        var relative = patient.AddRelative("Ulla Hansen", RelationshipCode.SPS, phone, true, "user-ulla");

        Assert.Same(relative, Assert.Single(patient.Relatives));
        Assert.Equal(phone, relative.Phone);
        Assert.True(relative.IsContactRelative);
        Assert.Equal("user-ulla", relative.UserId);
    }

    [Fact]
    public void AddRelative_DuplicateUserId_Throws()
    {
        var patient = NewPatient();
        patient.AddRelative("Ulla Hansen", RelationshipCode.SPS, "12345678", true, "user-ulla");

        Assert.Throws<DomainException>(() =>
            patient.AddRelative("Ulla H.", RelationshipCode.NOK, "87654321", false, "user-ulla"));
        Assert.Single(patient.Relatives);
    }

    [Fact]
    public void AddRelative_SeveralWithoutUserId_Allowed()
    {
        var patient = NewPatient();

        patient.AddRelative("Ulla Hansen", RelationshipCode.SPS, "12345678", true);
        patient.AddRelative("Peter Hansen", RelationshipCode.CHILD, "87654321", false);

        Assert.Equal(2, patient.Relatives.Count);
    }

    [Fact]
    public void AddCondition_SameCodeAndSystem_Throws()
    {
        var patient = NewPatient();
        patient.AddCondition(Condition.SksSystem, "DJ449", "COPD", Jan1);

        var ex = Assert.Throws<DomainException>(() => patient.AddCondition(Condition.SksSystem, "DJ449", "KOL", Jan1));

        Assert.Contains("DJ449", ex.Message, StringComparison.Ordinal);
        Assert.Single(patient.Conditions);
    }

    // Codes are stored trimmed, so a code typed with a stray space is the same condition.
    [Fact]
    public void AddCondition_SameCodeWithSurroundingSpaces_Throws()
    {
        var patient = NewPatient();
        patient.AddCondition(Condition.SksSystem, "DJ449", "COPD", Jan1);

        Assert.Throws<DomainException>(() => patient.AddCondition(Condition.SksSystem, " DJ449 ", "COPD", Jan1));
        Assert.Single(patient.Conditions);
    }

    [Fact]
    public void AddCondition_SameCodeOtherSystem_Allowed()
    {
        var patient = NewPatient();
        patient.AddCondition(Condition.SksSystem, "DJ449", "COPD", Jan1);

        patient.AddCondition(Condition.SnomedSystem, "DJ449", "COPD", Jan1);

        Assert.Equal(2, patient.Conditions.Count);
    }

    private static DateOnly DateOf(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    private static Period PeriodOf(string from, string? to) => new(DateOf(from), to is null ? null : DateOf(to));
}
