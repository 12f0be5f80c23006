using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Web.Features;

namespace CareWorkspace.UnitTests.Localization;

/// <summary>The domain writes English templates with values; the screens show them in the reader's language.</summary>
public sealed class DomainTextTests
{
    [Fact]
    public void DomainException_KeepsTheEnglishSentenceAsItsMessage()
    {
        var ex = Assert.Throws<DomainException>(() => new Address("Vestergade 1", "12", "Aarhus"));

        Assert.Equal("'12' is not a Danish postal code: it must be four digits.", ex.Message);
        Assert.Equal("'{0}' is not a Danish postal code: it must be four digits.", ex.Template);
    }

    [Theory]
    [InlineData("da-DK", "'12' er ikke et dansk postnummer: det skal være fire cifre.")]
    [InlineData("en-GB", "'12' is not a Danish postal code: it must be four digits.")]
    public void DomainException_IsShownInTheReadersLanguage(string culture, string expected)
    {
        Use(culture);
        var ex = Assert.Throws<DomainException>(() => new Address("Vestergade 1", "12", "Aarhus"));

        Assert.Equal(expected, ActionErrors.Describe(ex));
    }

    [Fact]
    public void FieldNamesInADomainSentence_AreTranslatedToo()
    {
        Use("da-DK");
        var ex = Assert.Throws<DomainException>(() => new Address("Vestergade 1", "8000", " "));

        Assert.Equal("By skal udfyldes.", ActionErrors.Describe(ex));
    }

    [Fact]
    public void DatesInADomainSentence_AreWrittenTheReadersWay()
    {
        Use("da-DK");
        var ex = new DomainException("The consent cannot end on {0:yyyy-MM-dd}: that day has already passed.", new DateOnly(2026, 11, 28));

        Assert.Equal("The consent cannot end on 2026-11-28: that day has already passed.", ex.Message);
        Assert.Equal("Samtykket kan ikke ophøre den 28. nov. 2026: den dag er allerede passeret.", ActionErrors.Describe(ex));
    }

    [Fact]
    public void AnAccessRefusal_IsShownInTheReadersLanguage_WhileItsLoggedReasonStaysEnglish()
    {
        var patient = new PatientRelationship(Guid.NewGuid(), null, [], [], new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var actor = new Actor("u1", "Ulla", UserRole.MunicipalNurse, Guid.NewGuid(), "Aarhus Kommune");
        var decision = PatientAccessPolicy.Decide(actor, patient, AccessAction.Read, PatientSection.Messages);

        Use("da-DK");

        Assert.Equal("The user's organisation is not on the patient's care team.", decision.Reason);
        Assert.Equal("Brugerens organisation er ikke med i patientens behandlingsteam.", ActionErrors.Describe(decision.Refusal()));
    }

    [Fact]
    public void AValueThatIsNotADomainWord_IsShownAsItIs()
    {
        Use("da-DK");

        Assert.Equal("lise er allerede deaktiveret.", ActionErrors.Describe(new DomainException("{0} is already deactivated.", "lise")));
    }

    [Fact]
    public void AnUnknownSentence_IsShownInEnglish()
    {
        Use("da-DK");

        Assert.Equal("Passwords must have at least one digit ('0'-'9').",
            ActionErrors.Describe(new DomainException("Passwords must have at least one digit ('0'-'9').")));
    }

    private static void Use(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }
}
