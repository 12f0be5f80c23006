using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.UnitTests.Domain;

/// <summary>An organisation's master data from the organisation register (SOR).</summary>
public sealed class OrganisationSorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 3, 15, 0, TimeSpan.Zero);

    private static Organisation Clinic() => new("Lægerne Strandvejen", SorCode.Parse("100000000002012"), Sector.GeneralPractice);

    private static SorEntry Entry(string? name = "Lægerne Strandvejen", string? line = "Strandvejen 48", string? postalCode = "2900", string? city = "Havby",
        string? phone = "+45 98 76 54 32", string? kind = "Almen praksis", bool active = true) => new(name, line, postalCode, city, phone, kind, active);

    [Fact]
    public void The_register_s_name_address_phone_and_kind_replace_ours_and_the_change_is_reported()
    {
        var clinic = Clinic();

        var changed = clinic.UpdateFromSor(Entry(name: "Lægehuset Strandvejen"), At);

        Assert.True(changed);
        Assert.Equal("Lægehuset Strandvejen", clinic.Name);
        Assert.Equal("Strandvejen 48, 2900 Havby", clinic.Address!.ToString());
        Assert.Equal(("+45 98 76 54 32", "Almen praksis"), (clinic.Phone, clinic.Kind));
        Assert.Equal(SorStatus.Active, clinic.SorStatus);
        Assert.Equal(At, clinic.SorCheckedAt);
    }

    [Fact]
    public void The_same_master_data_again_is_no_change_but_the_time_of_checking_moves()
    {
        var clinic = Clinic();
        clinic.UpdateFromSor(Entry(), At);

        Assert.False(clinic.UpdateFromSor(Entry(), At.AddDays(1)));
        Assert.Equal(At.AddDays(1), clinic.SorCheckedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_answer_without_a_name_is_refused_and_changes_nothing(string? name)
    {
        var clinic = Clinic();

        var refused = Assert.Throws<DomainException>(() => clinic.UpdateFromSor(Entry(name: name, phone: "+45 11 22 33 44"), At));

        Assert.Equal("The organisation register gave no name for SOR code {0}.", refused.Template);
        Assert.Equal("Lægerne Strandvejen", clinic.Name);
        Assert.Null(clinic.Phone);
        Assert.Null(clinic.SorCheckedAt);
    }

    [Fact]
    public void A_kind_longer_than_we_keep_is_refused_before_anything_changes()
    {
        var clinic = Clinic();

        Assert.Throws<DomainException>(() => clinic.UpdateFromSor(Entry(name: "Lægehuset", kind: new string('x', Organisation.KindMaxLength + 1)), At));

        Assert.Equal("Lægerne Strandvejen", clinic.Name);
    }

    [Fact]
    public void An_address_or_phone_the_register_no_longer_gives_is_cleared()
    {
        var clinic = Clinic();
        clinic.UpdateFromSor(Entry(), At);

        Assert.True(clinic.UpdateFromSor(Entry(line: null, postalCode: null, city: null, phone: null), At));

        Assert.Null(clinic.Address);
        Assert.Null(clinic.Phone);
    }

    [Fact]
    public void An_address_or_phone_we_cannot_hold_leaves_ours_as_it_was()
    {
        var clinic = Clinic();
        clinic.UpdateFromSor(Entry(), At);

        Assert.False(clinic.UpdateFromSor(Entry(postalCode: "DK-2900", phone: "ring til os"), At));

        Assert.Equal("Strandvejen 48, 2900 Havby", clinic.Address!.ToString());
        Assert.Equal("+45 98 76 54 32", clinic.Phone);
    }

    [Fact]
    public void An_organisation_the_register_marks_inactive_is_shown_as_such()
    {
        var clinic = Clinic();
        clinic.UpdateFromSor(Entry(), At);

        Assert.True(clinic.UpdateFromSor(Entry(active: false), At));
        Assert.Equal(SorStatus.Inactive, clinic.SorStatus);
        Assert.True(clinic.UpdateFromSor(Entry(), At));
        Assert.Equal(SorStatus.Active, clinic.SorStatus);
    }

    [Fact]
    public void An_organisation_the_register_does_not_know_keeps_its_last_known_data_and_is_news_only_once()
    {
        var clinic = Clinic();
        clinic.UpdateFromSor(Entry(), At);

        Assert.True(clinic.NotFoundInSor(At.AddDays(1)));
        Assert.False(clinic.NotFoundInSor(At.AddDays(2)));

        Assert.Equal(SorStatus.NotInRegister, clinic.SorStatus);
        Assert.Equal(At.AddDays(2), clinic.SorCheckedAt);
        Assert.Equal("+45 98 76 54 32", clinic.Phone);
        Assert.Equal("Strandvejen 48, 2900 Havby", clinic.Address!.ToString());
    }
}
