using CareWorkspace.Domain.Medicines.Checks;

namespace CareWorkspace.UnitTests.Medicines;

public sealed class DoseUnitsTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "  ")]
    [InlineData(4000d, "mg")]
    [InlineData(2d, " {tablet} ")]
    [InlineData(1.5d, "mL")]
    [InlineData(10d, "[iU]")]
    public void A_daily_dose_with_amount_and_dose_unit_or_neither_has_no_problem(double? amount, string? unit) =>
        Assert.Null(DoseUnits.Problem((decimal?)amount, unit));

    [Theory]
    [InlineData(null, "mg", "A daily dose unit needs its amount.")]
    [InlineData(0d, "mg", "A daily dose must be above zero (was {0}).")]
    [InlineData(-1d, "mg", "A daily dose must be above zero (was {0}).")]
    [InlineData(5d, "", "A daily dose needs its unit (UCUM, e.g. mg).")]
    [InlineData(5d, null, "A daily dose needs its unit (UCUM, e.g. mg).")]
    public void A_daily_dose_missing_a_part_or_not_above_zero_is_told(double? amount, string? unit, string template) =>
        Assert.Equal(template, DoseUnits.Problem((decimal?)amount, unit)?.Template);

    [Theory]
    [InlineData("mm[Hg]")]
    [InlineData("Cel")]
    [InlineData("%")]
    [InlineData("tabletter")]
    [InlineData("mg/d")]
    public void A_unit_a_dose_cannot_be_given_in_is_told_with_the_unit(string unit)
    {
        var problem = DoseUnits.Problem(5m, $" {unit} ");

        Assert.NotNull(problem);
        Assert.StartsWith($"'{unit}' is not a unit a dose can be given in.", problem.Message, StringComparison.Ordinal);
        Assert.Equal([unit], problem.Arguments);
    }

    [Fact]
    public void A_unit_longer_than_a_stored_unit_is_told() =>
        Assert.NotNull(DoseUnits.Problem(5m, "{" + new string('t', 60) + "}"));
}
