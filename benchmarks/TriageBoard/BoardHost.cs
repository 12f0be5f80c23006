using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.Triage;
using CareWorkspace.Web.Features.TriageBoard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CareWorkspace.TriageBoardBenchmark;

/// <summary>One open board as its circuit renders it: the unit's columns of cards keyed by citizen, re-rendered by diffing when the board is read again.</summary>
internal sealed class BoardHost : ComponentBase
{
    private TriageBoardScreen? screen;

    [Parameter, EditorRequired]
    public Action<BoardHost> Opened { get; set; } = null!;

    protected override void OnInitialized() => Opened(this);

    /// <summary>Shows a new read of the board (call on the renderer's dispatcher).</summary>
    public void Show(TriageBoardScreen board)
    {
        screen = board;
        StateHasChanged();
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (screen is null)
            return;
        // As the board page: a column per colour (and one for citizens who blocked the triage), each diffed only when one of its cards changed.
        var columns = BoardColumns.Of(screen.Board.Citizens);
        foreach (var colour in (TriageColour[])[TriageColour.Red, TriageColour.Yellow, TriageColour.Green])
            Column(builder, colour, TriageLabels.For(colour), columns.In(colour));
        if (columns.Blocked.Count > 0)
            Column(builder, null, "Blocked by the patient", columns.Blocked);
    }

    private void Column(RenderTreeBuilder builder, TriageColour? colour, string title, IReadOnlyList<BoardCitizen> citizens)
    {
        builder.OpenComponent<TriageBoardColumn>(0);
        builder.SetKey(colour?.ToString() ?? "blocked");
        builder.AddComponentParameter(1, nameof(TriageBoardColumn.Colour), colour);
        builder.AddComponentParameter(2, nameof(TriageBoardColumn.Title), title);
        builder.AddComponentParameter(3, nameof(TriageBoardColumn.Citizens), citizens);
        builder.AddComponentParameter(4, nameof(TriageBoardColumn.Now), screen!.Board.AsOf);
        builder.AddComponentParameter(5, nameof(TriageBoardColumn.FlagAfterDays), screen.FlagAfterDays);
        builder.CloseComponent();
    }
}
