using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("Appointments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Location).HasMaxLength(AppointmentDetails.LocationMaxLength);
        builder.Property(a => a.Reason).HasMaxLength(AppointmentDetails.ReasonMaxLength);
        builder.Property(a => a.Notes).HasMaxLength(AppointmentDetails.NotesMaxLength);
        builder.Property(a => a.CancellationReason).HasMaxLength(Appointment.CancellationReasonMaxLength);
        builder.Property(a => a.BookedBy).HasMaxLength(Appointment.ChangedByMaxLength).IsRequired();
        builder.Property(a => a.ChangedBy).HasMaxLength(Appointment.ChangedByMaxLength);
        builder.Ignore(a => a.Time);
        builder.Ignore(a => a.Details);
        builder.Ignore(a => a.IsOpen);
        builder.Ignore(a => a.IsImported);
        builder.Property(a => a.ExternalIdentifier).HasMaxLength(Appointment.ExternalIdentifierMaxLength);
        builder.Property(a => a.ExternalSource).HasMaxLength(Appointment.ExternalSourceMaxLength);
        // De-duplicates the appointments imported from the national service, whichever run brings them.
        builder.HasIndex(a => a.ExternalIdentifier).IsUnique();
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppointmentSeries>().WithMany().HasForeignKey(a => a.SeriesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PatientId, a.Start });
        builder.HasIndex(a => new { a.OrganisationId, a.Start });

        builder.OwnsMany(a => a.Participants, p =>
        {
            p.ToTable("AppointmentParticipants");
            p.WithOwner().HasForeignKey("AppointmentId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.UserId).HasMaxLength(450);
            p.HasIndex(x => x.UserId);
            p.Property(x => x.Name).HasMaxLength(AppointmentParticipant.NameMaxLength).IsRequired();
            p.Ignore(x => x.IsRequired);
        });
        builder.Navigation(a => a.Participants).HasField("_participants");

        builder.OwnsOne(a => a.VideoMeeting, v =>
        {
            v.Property(x => x.MeetingId).HasColumnName("VideoMeetingId").HasMaxLength(VideoMeeting.MeetingIdMaxLength).IsRequired();
            v.Property(x => x.HostUrl).HasColumnName("VideoHostUrl").HasMaxLength(VideoMeeting.UrlMaxLength).IsRequired();
            v.Property(x => x.GuestUrl).HasColumnName("VideoGuestUrl").HasMaxLength(VideoMeeting.UrlMaxLength).IsRequired();
            v.Property(x => x.StartedAt).HasColumnName("VideoStartedAt");
            v.Property(x => x.StartedByName).HasColumnName("VideoStartedByName").HasMaxLength(Appointment.ChangedByMaxLength);
            v.Property(x => x.StartedByUserId).HasColumnName("VideoStartedByUserId").HasMaxLength(450);
        });
    }
}
