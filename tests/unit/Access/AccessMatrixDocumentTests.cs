using CareWorkspace.Domain.Access;

namespace CareWorkspace.UnitTests.Access;

/// <summary>
/// The access matrix is reviewed in docs/decisions/ADR-004-access-matrix.md: the code must say exactly what the
/// document says, and <see cref="PatientAccessPolicy.Decide"/> must follow every cell.
/// </summary>
public sealed class AccessMatrixDocumentTests
{
    private static readonly Guid OwnOrg = Guid.NewGuid();
    private static readonly Guid OtherOrg = Guid.NewGuid();
    private static readonly Guid PatientId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Matrix_EqualsTheReviewedDocument_CellByCell()
    {
        var document = ReadDocumentTable();

        foreach (var role in AccessMatrix.Roles)
            foreach (var section in Enum.GetValues<PatientSection>())
                Assert.True(Letters(AccessMatrix.For(role, section)) == Normalise(document[(role, section)]),
                    $"{section} × {role}: code says '{Letters(AccessMatrix.For(role, section))}', ADR-004 says '{document[(role, section)]}'");
        Assert.Equal(AccessMatrix.Roles.Count * Enum.GetValues<PatientSection>().Length, document.Count);
    }

    [Fact]
    public void Matrix_CoversEveryRoleButTheAdministrator()
    {
        Assert.Equal(Enum.GetValues<UserRole>().Where(r => r != UserRole.Administrator).Order(), AccessMatrix.Roles.Order());
        foreach (var section in Enum.GetValues<PatientSection>())
            Assert.Equal(Permission.None, AccessMatrix.For(UserRole.Administrator, section));
    }

    [Fact]
    public void Decide_FollowsEveryDocumentedCell_ForEveryActionAndOwner()
    {
        var document = ReadDocumentTable();
        Guid?[] owners = [OwnOrg, OtherOrg, null];

        foreach (var ((role, section), letters) in document)
        {
            var actor = new Actor("user-" + role, role.ToString(), role, role is UserRole.Patient or UserRole.Relative ? null : OwnOrg, "Org");
            var relationship = RelationshipWhereActorBelongs(actor);
            foreach (var action in Enum.GetValues<AccessAction>())
                foreach (var owner in owners)
                {
                    var expected = Expected(letters, action, owner == OwnOrg);
                    var decision = PatientAccessPolicy.Decide(actor, relationship, action, section, owner);
                    Assert.True(expected == decision.Allowed, $"{role} {action} {section} (owner {(owner == OwnOrg ? "own" : owner is null ? "none" : "other")}): expected {expected}, got {decision.Allowed}: {decision.Reason}");
                }
        }
    }

    [Fact]
    public void Decide_CareWorker_ReadsTheCareTeamButCannotChangeIt()
    {
        var careWorker = new Actor("cw", "Karin", UserRole.MunicipalCareWorker, OwnOrg, "Home care");
        var relationship = RelationshipWhereActorBelongs(careWorker);

        Assert.True(PatientAccessPolicy.Decide(careWorker, relationship, AccessAction.Read, PatientSection.CareTeam).Allowed);
        var refused = PatientAccessPolicy.Decide(careWorker, relationship, AccessAction.Update, PatientSection.CareTeam, OwnOrg);
        Assert.False(refused.Allowed);
        Assert.Contains("MunicipalCareWorker may not change CareTeam", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GpStaff_EndsOwnMembershipButNotAnotherOrganisations()
    {
        var secretary = new Actor("gps", "Sofie", UserRole.GpStaff, OwnOrg, "GP");
        var relationship = RelationshipWhereActorBelongs(secretary);

        Assert.True(PatientAccessPolicy.Decide(secretary, relationship, AccessAction.Update, PatientSection.CareTeam, OwnOrg).Allowed);
        var refused = PatientAccessPolicy.Decide(secretary, relationship, AccessAction.Update, PatientSection.CareTeam, OtherOrg);
        Assert.False(refused.Allowed);
        Assert.Contains("only for its own organisation", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UserRole.Coordinator)]
    [InlineData(UserRole.HospitalClinician)]
    [InlineData(UserRole.GeneralPractitioner)]
    public void Decide_CoordinatorsAndTreatingClinicians_ManageTheWholeTeam(UserRole role)
    {
        var actor = new Actor("u", "U", role, OwnOrg, "Org");
        var relationship = RelationshipWhereActorBelongs(actor);

        Assert.True(PatientAccessPolicy.Decide(actor, relationship, AccessAction.Create, PatientSection.CareTeam).Allowed);
        Assert.True(PatientAccessPolicy.Decide(actor, relationship, AccessAction.Update, PatientSection.CareTeam, OtherOrg).Allowed);
    }

    [Fact]
    public void Decide_RoleAllowsButNoRelationship_RefusedForTheRelationship()
    {
        var coordinator = new Actor("c", "Lise", UserRole.Coordinator, OtherOrg, "Elsewhere");
        var relationship = new PatientRelationship(PatientId, "user-patient", [OwnOrg], [], Now);

        var decision = PatientAccessPolicy.Decide(coordinator, relationship, AccessAction.Read, PatientSection.CareTeam);

        Assert.False(decision.Allowed);
        Assert.Contains("not on the patient's care team", decision.Reason, StringComparison.Ordinal);
    }

    private static bool Expected(string letters, AccessAction action, bool ownItem) => action switch
    {
        AccessAction.Read => letters.Contains('R'),
        AccessAction.Search => letters.Contains('S'),
        AccessAction.Create => letters.Contains('C'),
        AccessAction.Update => letters.Contains('U') || (ownItem && letters.Contains('u')),
        AccessAction.Delete => letters.Contains('D') || (ownItem && letters.Contains('d')),
        _ => false,
    };

    private static PatientRelationship RelationshipWhereActorBelongs(Actor actor)
    {
        var consents = actor.Role == UserRole.Relative
            ? new[] { new RelativeConsent(PatientId, actor.UserId, RelativeConsent.GrantableSections, Now.AddDays(-1)) }
            : [];
        var patientUser = actor.Role == UserRole.Patient ? actor.UserId : "user-patient";
        return new PatientRelationship(PatientId, patientUser, [OwnOrg], consents, Now);
    }

    private static string Letters(Permission permission)
    {
        var letters = "";
        if (permission.HasFlag(Permission.Read)) letters += "R";
        if (permission.HasFlag(Permission.Search)) letters += "S";
        if (permission.HasFlag(Permission.Create)) letters += "C";
        letters += permission.HasFlag(Permission.UpdateAny) ? "U" : permission.HasFlag(Permission.UpdateOwn) ? "u" : "";
        letters += permission.HasFlag(Permission.DeleteAny) ? "D" : permission.HasFlag(Permission.DeleteOwn) ? "d" : "";
        return letters;
    }

    private static string Normalise(string cell) => Letters(cell.Aggregate(Permission.None, (p, c) => p | c switch
    {
        'R' => Permission.Read,
        'S' => Permission.Search,
        'C' => Permission.Create,
        'U' => Permission.UpdateAny,
        'u' => Permission.UpdateOwn,
        'D' => Permission.DeleteAny,
        'd' => Permission.DeleteOwn,
        _ => throw new InvalidOperationException($"Unknown letter '{c}' in ADR-004."),
    }));

    private static Dictionary<(UserRole, PatientSection), string> ReadDocumentTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "decisions", "ADR-004-access-matrix.md"))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
        var header = lines.Single(l => l[0] == "Section");
        var roles = header.Skip(1).Select(Enum.Parse<UserRole>).ToArray();
        var table = new Dictionary<(UserRole, PatientSection), string>();
        foreach (var row in lines.Where(l => Enum.TryParse<PatientSection>(l[0], out _)))
        {
            var section = Enum.Parse<PatientSection>(row[0]);
            for (var i = 0; i < roles.Length; i++)
                table[(roles[i], section)] = i + 1 < row.Length ? row[i + 1] : "";
        }
        return table;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareWorkspace.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CareWorkspace.sln not found above the test output.");
    }
}
