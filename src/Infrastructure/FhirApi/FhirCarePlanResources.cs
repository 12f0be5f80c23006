using CareWorkspace.Domain.CarePlans;
using Hl7.Fhir.Model;
using DomainCarePlan = CareWorkspace.Domain.CarePlans.CarePlan;
using DomainGoal = CareWorkspace.Domain.CarePlans.Goal;
using FhirCarePlan = Hl7.Fhir.Model.CarePlan;
using FhirGoal = Hl7.Fhir.Model.Goal;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>A care plan as a FHIR R4 CarePlan with its goals as Goal resources (UCUM targets) and its activities inline.</summary>
public static class FhirCarePlanResources
{
    public static FhirCarePlan CarePlan(DomainCarePlan plan, string patientName) => new()
    {
        Id = plan.Id.ToString("D"),
        Status = plan.Status switch
        {
            CarePlanStatus.Draft => RequestStatus.Draft,
            CarePlanStatus.Completed => RequestStatus.Completed,
            CarePlanStatus.Revoked => RequestStatus.Revoked,
            _ => RequestStatus.Active,
        },
        Intent = FhirCarePlan.CarePlanIntent.Plan,
        Title = plan.Title,
        Description = plan.Conditions.Count == 0 ? null : string.Join(", ", plan.Conditions),
        Subject = FhirCoding.Patient(plan.PatientId, patientName),
        Period = FhirCoding.Period(plan.Start, plan.End),
        Created = FhirCoding.DateTime(plan.CreatedAt).Value,
        Goal = plan.Goals.Select(g => new ResourceReference($"Goal/{g.Id:D}") { Display = g.Description }).ToList(),
        Activity = plan.Activities.Select(a => new FhirCarePlan.ActivityComponent
        {
            Detail = new FhirCarePlan.DetailComponent
            {
                Status = a.Status switch
                {
                    ActivityStatus.Scheduled => FhirCarePlan.CarePlanActivityStatus.Scheduled,
                    ActivityStatus.InProgress => FhirCarePlan.CarePlanActivityStatus.InProgress,
                    ActivityStatus.OnHold => FhirCarePlan.CarePlanActivityStatus.OnHold,
                    ActivityStatus.Completed => FhirCarePlan.CarePlanActivityStatus.Completed,
                    ActivityStatus.Cancelled => FhirCarePlan.CarePlanActivityStatus.Cancelled,
                    _ => FhirCarePlan.CarePlanActivityStatus.NotStarted,
                },
                Description = a.Schedule is null ? a.Description : $"{a.Description} ({a.Schedule})",
                Performer = a.OrganisationName is null ? [] : [new ResourceReference { Display = a.OrganisationName }],
            },
        }).ToList(),
    };

    public static IEnumerable<FhirGoal> Goals(DomainCarePlan plan, string patientName) =>
        plan.Goals.Select(g => Goal(plan, g, patientName));

    private static FhirGoal Goal(DomainCarePlan plan, DomainGoal goal, string patientName)
    {
        var unit = goal.Measure.Unit;
        return new FhirGoal
        {
            Id = goal.Id.ToString("D"),
            LifecycleStatus = plan.Status switch
            {
                CarePlanStatus.Completed => FhirGoal.GoalLifecycleStatus.Completed,
                CarePlanStatus.Revoked => FhirGoal.GoalLifecycleStatus.Cancelled,
                CarePlanStatus.Draft => FhirGoal.GoalLifecycleStatus.Proposed,
                _ => goal.IsAgreed ? FhirGoal.GoalLifecycleStatus.Active : FhirGoal.GoalLifecycleStatus.Proposed,
            },
            AchievementStatus = new CodeableConcept(FhirCoding.GoalAchievement, goal.Achievement switch
            {
                GoalAchievement.Improving => "improving",
                GoalAchievement.Worsening => "worsening",
                GoalAchievement.Achieved => "achieved",
                GoalAchievement.NotAchieved => "not-achieved",
                _ => "in-progress",
            }),
            Description = new CodeableConcept { Text = goal.Description },
            Subject = FhirCoding.Patient(plan.PatientId, patientName),
            Target =
            [
                new FhirGoal.TargetComponent
                {
                    Measure = new CodeableConcept { Text = goal.MeasureName },
                    Detail = new Quantity
                    {
                        Value = goal.Target,
                        Comparator = goal.Comparator switch
                        {
                            GoalComparator.AtMost => Quantity.QuantityComparator.LessOrEqual,
                            GoalComparator.AtLeast => Quantity.QuantityComparator.GreaterOrEqual,
                            _ => null,
                        },
                        Unit = unit.Code,
                        System = FhirCoding.Ucum,
                        Code = unit.Code,
                    },
                    Due = goal.DueDate is { } due ? new Date(FhirCoding.Date(due)) : null,
                },
            ],
        };
    }
}
