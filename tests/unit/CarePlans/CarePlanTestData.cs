using System.Globalization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.UnitTests.CarePlans;

internal static class CarePlanTestData
{
    public static readonly DateOnly Start = new(2026, 12, 1);
    public static readonly Guid PatientId = Guid.NewGuid();
    public static readonly Guid GpId = Guid.NewGuid();
    public static readonly Guid MunicipalityId = Guid.NewGuid();

    public static ChangeStamp Gp(int minutes = 0) => new("Sofie Nielsen (Lægehuset)", new DateTimeOffset(2026, 12, 1, 9, minutes, 0, TimeSpan.Zero));

    public static LocalisedText T(string en, string da) => new(en, da);

    public static CarePlanTemplate Copd() => new("copd", "1.0.0", T("COPD care plan", "Forløbsplan for KOL"),
        [T("COPD (DJ44)", "KOL (DJ44)")], 12,
        [
            new TemplateGoal(T("Stop smoking", "Rygestop"), T("Cigarettes per day", "Cigaretter pr. dag"), GoalComparator.Exactly, 0, "{cigarettes}/d", 6),
            new TemplateGoal(T("Walk further", "Gå længere"), T("6-minute walk distance", "6-minutters gangtest"), GoalComparator.AtLeast, 300, "m", 12),
        ],
        [
            new TemplateActivity(T("Annual check-up with spirometry", "Årskontrol med spirometri"), Sector.GeneralPractice, T("Once a year", "Én gang om året")),
            new TemplateActivity(T("Smoking-cessation course", "Rygestopkursus"), Sector.Municipality, T("6 weekly sessions", "6 ugentlige møder")),
        ],
        [new TemplateMeasurement(T("FEV1", "FEV1"), UcumUnit.Parse("L"), T("Yearly", "Årligt"))]);

    public static CarePlan Plan() => Copd().Instantiate(PatientId, Start, CultureInfo.GetCultureInfo("en"),
        [(GpId, "Lægehuset", Sector.GeneralPractice), (MunicipalityId, "Københavns Kommune", Sector.Municipality)], Gp());

    public static GoalInput HbA1c(string? unit = "mmol/mol", string? measure = "HbA1c", decimal? target = 53) =>
        new("Lower blood sugar", measure, GoalComparator.AtMost, target, unit, Start.AddMonths(6));
}
