using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;

namespace CareWorkspace.Web.Features.TriageBoard;

/// <summary>
/// The board's citizens in its columns (and so in its counts), sorted in one pass, each column in the board's order. A colour's
/// column has only the citizens whose colour the viewer may see: a citizen who blocked the triage from the unit is in no
/// colour's column (counting them as green would show a colour the board does not know, and the counts would move when they
/// block or lift); they are listed apart in <see cref="Blocked"/>, their cards saying only that something is blocked.
/// </summary>
public sealed record BoardColumns(IReadOnlyList<BoardCitizen> Red, IReadOnlyList<BoardCitizen> Yellow, IReadOnlyList<BoardCitizen> Green,
    IReadOnlyList<BoardCitizen> Blocked)
{
    public static BoardColumns Of(IEnumerable<BoardCitizen> citizens)
    {
        List<BoardCitizen> red = [], yellow = [], green = [], blocked = [];
        foreach (var citizen in citizens)
        {
            var column = citizen.BlockedByPatient ? blocked
                : citizen.Colour switch
                {
                    TriageColour.Red => red,
                    TriageColour.Yellow => yellow,
                    _ => green,
                };
            column.Add(citizen);
        }
        return new BoardColumns(red, yellow, green, blocked);
    }

    public IReadOnlyList<BoardCitizen> In(TriageColour colour) => colour switch
    {
        TriageColour.Red => Red,
        TriageColour.Yellow => Yellow,
        _ => Green,
    };
}
