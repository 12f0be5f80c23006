using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Rehabilitation;

namespace CareWorkspace.UnitTests.Rehabilitation;

internal static class RehabilitationTestData
{
    public static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Unit = Guid.NewGuid();
    public static readonly Actor Doctor = new("u-doctor", "Mette Hansen", UserRole.HospitalClinician, Guid.NewGuid(), "Lungemedicinsk afdeling");
    public static readonly Actor Physio = new("u-physio", "Jonas Mikkelsen", UserRole.Physiotherapist, Unit, "Genoptræningscenter");
    public static readonly Actor Jens = new("u-jens", "Jens Jensen", UserRole.Patient, null, null);
    public static readonly Actor Ulla = new("u-ulla", "Ulla Jensen", UserRole.Relative, null, null);
    public static readonly ChangeStamp Stamp = new("Mette Hansen (Lungemedicinsk afdeling)", At);

    /// <summary>Monday 2 November 2026.</summary>
    public static readonly DateOnly Monday = new(2026, 11, 2);

    public static ExerciseInput SitToStand(int timesPerWeek = 3) => new(null, "Rejse-sætte-sig", "Rejs dig fra stolen uden at bruge armene.", 3, 10, null, timesPerWeek);

    public static ExerciseInput Walk(int timesPerWeek = 5) => new(null, "Gåtur", null, null, null, 20, timesPerWeek);

    public static RehabilitationPlanDetails Details(DateOnly? start = null, int reviewWeeks = 2) =>
        new(RehabilitationKind.General, Unit, start ?? Monday, reviewWeeks, "Gå til købmanden uden pause.");

    public static RehabilitationPlan Plan(DateOnly? start = null, params ExerciseInput[] exercises) =>
        RehabilitationPlan.Make(Doctor, Guid.NewGuid(), Details(start), exercises.Length == 0 ? [SitToStand(), Walk()] : exercises, Stamp);
}
