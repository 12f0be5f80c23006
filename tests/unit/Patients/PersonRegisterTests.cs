using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.UnitTests.Patients;

/// <summary>Master data from the person register, and who sees a protected address.</summary>
public sealed class PersonRegisterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static Patient Jens()
    {
        var patient = new Patient("Jens", "Jensen", Cpr.Parse("1203521235", new DateOnly(2026, 11, 29)));
        patient.MoveTo(new Address("Strandvejen 12", "2900", "Havby"));
        return patient;
    }

    [Fact]
    public void The_register_s_name_address_protection_and_death_replace_ours_and_the_change_is_reported()
    {
        var patient = Jens();

        var changed = patient.UpdateFromRegister(new PersonRegisterEntry("Jens Peter", "Jensen", new Address("Havnegade 3", "2900", "Havby"), true, true), At);

        Assert.True(changed);
        Assert.Equal("Jens Peter Jensen", patient.FullName);
        Assert.Equal("jens peter jensen", patient.SearchName);
        Assert.Equal("Havnegade 3, 2900 Havby", patient.Address!.ToString());
        Assert.True(patient.NameAndAddressProtected);
        Assert.True(patient.Deceased);
        Assert.Equal(At, patient.RegisterCheckedAt);
    }

    [Fact]
    public void The_same_master_data_again_is_no_change_but_the_time_of_asking_is_kept()
    {
        var patient = Jens();
        var entry = new PersonRegisterEntry("Jens", "Jensen", new Address("Strandvejen 12", "2900", "Havby"), false, false);

        Assert.False(patient.UpdateFromRegister(entry, At));
        Assert.Equal(At, patient.RegisterCheckedAt);
    }

    [Fact]
    public void Without_an_address_in_the_register_ours_is_kept()
    {
        var patient = Jens();

        Assert.True(patient.UpdateFromRegister(new PersonRegisterEntry("Jens", "Jensen", null, true, false), At));

        Assert.Equal("Strandvejen 12, 2900 Havby", patient.Address!.ToString());
        Assert.True(patient.NameAndAddressProtected);
    }

    [Fact]
    public void A_protected_address_is_shown_to_the_patient_alone()
    {
        var patient = Jens();
        patient.LinkUser("user-jens");
        patient.UpdateFromRegister(new PersonRegisterEntry("Jens", "Jensen", null, true, false), At);

        Assert.NotNull(AddressProtection.Visible(new Actor("user-jens", "Jens", UserRole.Patient, null, null), patient));
        Assert.Null(AddressProtection.Visible(new Actor("user-gp", "GP", UserRole.GeneralPractitioner, Guid.NewGuid(), "Clinic"), patient));
        Assert.Null(AddressProtection.Visible(new Actor("user-ulla", "Ulla", UserRole.Relative, null, null), patient));
        Assert.Null(AddressProtection.Visible(new Actor("user-other", "Other", UserRole.Patient, null, null), patient));
    }

    [Fact]
    public void An_unprotected_address_is_shown_to_everyone_who_sees_the_master_data()
    {
        var patient = Jens();

        Assert.NotNull(AddressProtection.Visible(new Actor("user-ulla", "Ulla", UserRole.Relative, null, null), patient));
    }
}
