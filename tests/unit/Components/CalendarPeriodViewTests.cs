using System.Globalization;
using Bunit;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.Pathway;

namespace CareWorkspace.UnitTests.Components;

public sealed class CalendarPeriodViewTests : BunitTestBase
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static AppointmentView Appointment(Sector sector, DateOnly day, string organisation, AppointmentStatus status = AppointmentStatus.Booked)
    {
        var start = CopenhagenTime.At(day, new TimeOnly(9, 0));
        return new AppointmentView(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, Guid.NewGuid(), organisation, sector,
            AppointmentType.FollowUp, AppointmentMode.HomeVisit, null, start, start.AddMinutes(30), status, null, null, null, [], false, "Sofie", null, null);
    }

    [Fact]
    public void AWeek_ShowsSevenDays_AndEachAppointmentInItsSectorsColour()
    {
        var hospital = Appointment(Sector.Hospital, Monday.AddDays(1), "Nordkyst Hospital");
        var homeCare = Appointment(Sector.Municipality, Monday.AddDays(3), "Hjemmeplejen");

        var cut = Render<CalendarPeriodView>(p => p
            .Add(c => c.Layout, CalendarLayout.Week).Add(c => c.From, Monday).Add(c => c.To, Monday.AddDays(6))
            .Add(c => c.Today, Monday).Add(c => c.Appointments, [hospital, homeCare]));

        Assert.Equal(7, cut.FindAll(".calendar-week > section").Count);
        var entries = cut.FindAll("[data-testid=appointment-entry]");
        Assert.Equal(2, entries.Count);
        Assert.Contains(SectorStyle.ColourFor(Sector.Hospital), entries[0].GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains(SectorStyle.ColourFor(Sector.Municipality), entries[1].GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("09:00–09:30", entries[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void InDanish_TheAgendaSaysToday_AndNamesTheAppointmentForScreenReaders()
    {
        UseLanguage(CultureInfo.GetCultureInfo("da-DK"));
        var cancelled = Appointment(Sector.GeneralPractice, Monday, "Lægerne Strandvejen", AppointmentStatus.Cancelled);

        var cut = Render<CalendarPeriodView>(p => p
            .Add(c => c.Layout, CalendarLayout.Agenda).Add(c => c.From, Monday).Add(c => c.To, Monday.AddDays(27))
            .Add(c => c.Today, Monday).Add(c => c.Appointments, [cancelled]));

        Assert.Contains("I dag, man. 30. nov.", cut.Markup, StringComparison.Ordinal);
        var entry = cut.Find("[data-testid=appointment-entry]");
        // The button's name is its text: the date for screen readers, the time, what, where and the status.
        Assert.Equal("30. nov. 2026, | Almen praksis | 09.00–09.30 | Opfølgning · Hjemmebesøg | Lægerne Strandvejen | Aflyst | Åbn",
            string.Join(" | ", entry.QuerySelectorAll(".visually-hidden, strong, .d-block").Select(e => e.TextContent.Trim())));
        Assert.Contains("appointment-entry--cancelled", entry.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyPeriod_SaysSo()
    {
        var cut = Render<CalendarPeriodView>(p => p
            .Add(c => c.Layout, CalendarLayout.Agenda).Add(c => c.From, Monday).Add(c => c.To, Monday.AddDays(27))
            .Add(c => c.Today, Monday).Add(c => c.Appointments, []));

        Assert.Equal("No appointments in this period.", cut.Find("[data-testid=calendar-empty]").TextContent);
    }
}
