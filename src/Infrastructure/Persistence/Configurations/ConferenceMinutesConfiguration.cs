using CareWorkspace.Domain.Conferences;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class ConferenceMinutesConfiguration : IEntityTypeConfiguration<ConferenceMinutes>
{
    public void Configure(EntityTypeBuilder<ConferenceMinutes> builder)
    {
        builder.ToTable("ConferenceMinutes");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.AppointmentId);
        builder.Ignore(m => m.IsFinished);
        builder.Property(m => m.FinishedByName).HasMaxLength(200);
        builder.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.PatientId);

        builder.OwnsMany(m => m.Entries, e =>
        {
            e.ToTable("ConferenceMinutesEntries");
            e.WithOwner().HasForeignKey("MinutesId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.AuthorUserId).HasMaxLength(450).IsRequired();
            e.Property(x => x.AuthorName).HasMaxLength(200).IsRequired();
            e.Property(x => x.AuthorOrganisation).HasMaxLength(200);
            e.Property(x => x.Text).HasMaxLength(MinutesEntry.TextMaxLength).IsRequired();
            e.HasIndex("MinutesId", nameof(MinutesEntry.AuthorUserId)).IsUnique();
        });
        builder.Navigation(m => m.Entries).HasField("_entries");

        builder.OwnsMany(m => m.Attendees, a =>
        {
            a.ToTable("ConferenceAttendees");
            a.WithOwner().HasForeignKey("MinutesId");
            a.Property<int>("Id");
            a.HasKey("Id");
            a.Property(x => x.Name).HasMaxLength(ConferenceMinutes.AttendeeNameMaxLength).IsRequired();
            a.Property(x => x.RepresentedAs).HasMaxLength(ConferenceMinutes.AttendeeNameMaxLength);
        });
        builder.Navigation(m => m.Attendees).HasField("_attendees");
    }
}
