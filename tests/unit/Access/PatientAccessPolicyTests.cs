using CareWorkspace.Domain.Access;

namespace CareWorkspace.UnitTests.Access;

public sealed class PatientAccessPolicyTests
{
    private static readonly Guid PatientId = Guid.NewGuid();
    private static readonly Guid CareTeamOrg = Guid.NewGuid();
    private static readonly Guid OtherOrg = Guid.NewGuid();
    private static readonly DateTimeOffset GivenAt = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly UserRole[] Clinicians =
    [
        UserRole.HospitalClinician,
        UserRole.GeneralPractitioner,
        UserRole.GpStaff,
        UserRole.MunicipalNurse,
        UserRole.MunicipalCareWorker,
        UserRole.Physiotherapist,
        UserRole.Coordinator,
    ];

    public static TheoryData<UserRole> ClinicianRoles => new(Clinicians);

    public static TheoryData<AccessAction> ReadActions => new(AccessAction.Read, AccessAction.Search);

    public static TheoryData<AccessAction> WriteActions => new(AccessAction.Create, AccessAction.Update, AccessAction.Delete);

    private static PatientRelationship Relationship(string? patientUserId = "user-patient", RelativeConsent[]? consents = null) =>
        new(PatientId, patientUserId, [CareTeamOrg], consents ?? [], GivenAt.AddDays(30));

    private static Actor ActorAs(UserRole role, Guid? organisationId = null, string userId = "user-1") =>
        new(userId, "Test User", role, organisationId, organisationId is null ? null : "Org");

    private static RelativeConsent ConsentFor(string relativeUserId, params PatientSection[] sections) =>
        new(PatientId, relativeUserId, sections, GivenAt);

    private static bool CellAllowsAnyItem(UserRole role, PatientSection section, AccessAction action)
    {
        var cell = AccessMatrix.For(role, section);
        return action switch
        {
            AccessAction.Read => cell.HasFlag(Permission.Read),
            AccessAction.Search => cell.HasFlag(Permission.Search),
            AccessAction.Create => cell.HasFlag(Permission.Create),
            AccessAction.Update => cell.HasFlag(Permission.UpdateAny),
            AccessAction.Delete => cell.HasFlag(Permission.DeleteAny),
            _ => false,
        };
    }

    // The theory data must follow the enum: a new role has to be placed on one side of the rule on purpose.
    [Fact]
    public void ClinicianRoles_AreExactlyTheHealthProfessionalRoles()
    {
        var professionals = Enum.GetValues<UserRole>().Where(r => ActorAs(r).IsHealthProfessional).Order();

        Assert.Equal(professionals, Clinicians.Order());
    }

    [Theory]
    [MemberData(nameof(ClinicianRoles))]
    public void Decide_ClinicianFromCareTeamOrganisation_AllowsExactlyTheMatrixCell(UserRole role)
    {
        var actor = ActorAs(role, CareTeamOrg);

        foreach (var action in Enum.GetValues<AccessAction>())
            foreach (var section in Enum.GetValues<PatientSection>())
                Assert.Equal(CellAllowsAnyItem(role, section, action), PatientAccessPolicy.Decide(actor, Relationship(), action, section).Allowed);
    }

    [Theory]
    [MemberData(nameof(ClinicianRoles))]
    public void Decide_ClinicianFromOtherOrganisation_Denies(UserRole role)
    {
        var decision = PatientAccessPolicy.Decide(ActorAs(role, OtherOrg), Relationship(), AccessAction.Read, PatientSection.MasterData);

        Assert.False(decision.Allowed);
        Assert.Contains("not on the patient's care team", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClinicianRoles))]
    public void Decide_ClinicianWithoutOrganisation_Denies(UserRole role)
    {
        var decision = PatientAccessPolicy.Decide(ActorAs(role), Relationship(), AccessAction.Read, PatientSection.MasterData);

        Assert.False(decision.Allowed);
    }

    [Theory]
    [MemberData(nameof(ClinicianRoles))]
    public void Decide_ClinicianWhenCareTeamIsEmpty_Denies(UserRole role)
    {
        var relationship = new PatientRelationship(PatientId, null, [], [], GivenAt);

        var decision = PatientAccessPolicy.Decide(ActorAs(role, CareTeamOrg), relationship, AccessAction.Read, PatientSection.MasterData);

        Assert.False(decision.Allowed);
    }

    [Fact]
    public void Decide_Administrator_DeniedEverything()
    {
        // Even an administrator who is on the care team, is the patient and holds a consent sees nothing.
        var admin = ActorAs(UserRole.Administrator, CareTeamOrg, "user-patient");
        var relationship = Relationship("user-patient", [ConsentFor("user-patient", [.. RelativeConsent.GrantableSections])]);

        foreach (var action in Enum.GetValues<AccessAction>())
            foreach (var section in Enum.GetValues<PatientSection>())
                Assert.False(PatientAccessPolicy.Decide(admin, relationship, action, section).Allowed, $"{action} {section}");
    }

    [Fact]
    public void Decide_PatientOwnRecordRead_AllowsEverySection()
    {
        var patient = ActorAs(UserRole.Patient, userId: "user-patient");

        foreach (var section in Enum.GetValues<PatientSection>())
            Assert.True(PatientAccessPolicy.Decide(patient, Relationship("user-patient"), AccessAction.Read, section).Allowed, $"{section}");
    }

    [Theory]
    [MemberData(nameof(WriteActions))]
    public void Decide_PatientOwnRecordWrite_Denies(AccessAction action)
    {
        var patient = ActorAs(UserRole.Patient, userId: "user-patient");

        var decision = PatientAccessPolicy.Decide(patient, Relationship("user-patient"), action, PatientSection.MasterData);

        Assert.False(decision.Allowed);
    }

    [Theory]
    [InlineData("user-someone-else")]
    [InlineData(null)]
    public void Decide_PatientOtherRecord_Denies(string? patientUserId)
    {
        // An organisation on the actor must not matter for a patient.
        var patient = ActorAs(UserRole.Patient, CareTeamOrg, "user-patient");

        var decision = PatientAccessPolicy.Decide(patient, Relationship(patientUserId), AccessAction.Read, PatientSection.MasterData);

        Assert.False(decision.Allowed);
    }

    [Theory]
    [MemberData(nameof(ReadActions))]
    public void Decide_RelativeWithConsentForSection_Allows(AccessAction action)
    {
        var relative = ActorAs(UserRole.Relative, userId: "user-ulla");
        var relationship = Relationship(consents: [ConsentFor("user-ulla", PatientSection.MasterData)]);

        var decision = PatientAccessPolicy.Decide(relative, relationship, action, PatientSection.MasterData);

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Decide_RelativeSectionNotInConsent_Denies()
    {
        var relative = ActorAs(UserRole.Relative, userId: "user-ulla");
        var relationship = Relationship(consents: [ConsentFor("user-ulla", PatientSection.CareTeam)]);

        var decision = PatientAccessPolicy.Decide(relative, relationship, AccessAction.Read, PatientSection.Conditions);

        Assert.False(decision.Allowed);
        Assert.Contains("Conditions", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WriteActions))]
    public void Decide_RelativeWrite_Denies(AccessAction action)
    {
        var relative = ActorAs(UserRole.Relative, userId: "user-ulla");
        var relationship = Relationship(consents: [ConsentFor("user-ulla", [.. RelativeConsent.GrantableSections])]);

        var decision = PatientAccessPolicy.Decide(relative, relationship, action, PatientSection.CareTeam);

        Assert.False(decision.Allowed);
    }

    [Fact]
    public void Decide_RelativeWithoutConsent_Denies()
    {
        // Being on the care team's organisation gives a relative nothing.
        var relative = ActorAs(UserRole.Relative, CareTeamOrg, "user-ulla");

        var decision = PatientAccessPolicy.Decide(relative, Relationship(), AccessAction.Read, PatientSection.MasterData);

        Assert.False(decision.Allowed);
    }

    [Fact]
    public void Decide_RelativeWithAnotherRelativesConsent_Denies()
    {
        var relative = ActorAs(UserRole.Relative, userId: "user-ulla");
        var relationship = Relationship(consents: [ConsentFor("user-peter", PatientSection.MasterData)]);

        var decision = PatientAccessPolicy.Decide(relative, relationship, AccessAction.Read, PatientSection.MasterData);

        Assert.False(decision.Allowed);
    }

    [Fact]
    public void Decide_RelativeAfterConsentWithdrawn_Denies()
    {
        var relative = ActorAs(UserRole.Relative, userId: "user-ulla");
        var consent = ConsentFor("user-ulla", PatientSection.CareTeam);
        var relationship = Relationship(consents: [consent]);
        Assert.True(PatientAccessPolicy.Decide(relative, relationship, AccessAction.Read, PatientSection.CareTeam).Allowed);

        consent.Withdraw(GivenAt.AddDays(1));

        var decision = PatientAccessPolicy.Decide(relative, relationship, AccessAction.Read, PatientSection.CareTeam);
        Assert.False(decision.Allowed);
        Assert.Contains("no active consent", decision.Reason, StringComparison.Ordinal);
    }
}
