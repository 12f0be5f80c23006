namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// How a goal's achievement may move: while it is being worked on, to any other status; once evaluated (achieved or not
/// achieved) only back to in progress, when the goal is taken up again (a relapse, a new attempt).
/// </summary>
public static class GoalAchievementRules
{
    public static bool IsEvaluated(GoalAchievement achievement) => achievement is GoalAchievement.Achieved or GoalAchievement.NotAchieved;

    public static bool MayMove(GoalAchievement from, GoalAchievement to) =>
        from != to && (!IsEvaluated(from) || to == GoalAchievement.InProgress);

    public static IReadOnlyList<GoalAchievement> AllowedAfter(GoalAchievement from) =>
        Enum.GetValues<GoalAchievement>().Where(to => MayMove(from, to)).ToList();
}
