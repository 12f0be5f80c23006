using CareWorkspace.Infrastructure.Triage;

namespace CareWorkspace.Web.Features.TriageBoard;

/// <summary>A list of cards as the board shows them at its "now": what a column or a run of cards compares before it renders again.</summary>
public readonly record struct ShownCards(IReadOnlyList<BoardCitizen> Citizens, DateTimeOffset Now, int FlagAfterDays)
{
    /// <summary>Whether every card shows the same as in <paramref name="other"/>, in the same order.</summary>
    public bool ShowsTheSameAs(ShownCards other)
    {
        if (Citizens.Count != other.Citizens.Count)
            return false;
        for (var i = 0; i < Citizens.Count; i++)
        {
            if (!CardFace.Of(Citizens[i], Now, FlagAfterDays).ShowsTheSameAs(CardFace.Of(other.Citizens[i], other.Now, other.FlagAfterDays)))
                return false;
        }
        return true;
    }
}
