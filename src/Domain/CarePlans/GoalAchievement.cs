namespace CareWorkspace.Domain.CarePlans;

/// <summary>How far the patient is with a goal (the national Goal achievement status).</summary>
public enum GoalAchievement
{
    InProgress,
    Improving,
    Worsening,
    Achieved,
    NotAchieved,
}
