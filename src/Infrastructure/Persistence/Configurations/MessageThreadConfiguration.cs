using CareWorkspace.Domain.Messaging;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class MessageThreadConfiguration : IEntityTypeConfiguration<MessageThread>
{
    public void Configure(EntityTypeBuilder<MessageThread> builder)
    {
        builder.ToTable("MessageThreads");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.Subject).HasMaxLength(MessageThread.SubjectMaxLength).IsRequired();
        builder.Property(t => t.StartedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.ActionHandledBy).HasMaxLength(200);
        builder.Ignore(t => t.NeedsAction);
        builder.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.PatientId, t.LastMessageAt });

        builder.OwnsMany(t => t.Messages, m =>
        {
            m.ToTable("Messages");
            m.WithOwner().HasForeignKey("ThreadId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.AuthorUserId).HasMaxLength(450).IsRequired();
            m.Property(x => x.AuthorName).HasMaxLength(200).IsRequired();
            m.Property(x => x.AuthorOrganisation).HasMaxLength(200);
            m.Property(x => x.Text).HasMaxLength(Message.TextMaxLength).IsRequired();
            m.OwnsMany(x => x.Attachments, a =>
            {
                a.ToTable("MessageAttachments");
                a.WithOwner().HasForeignKey("MessageId");
                a.HasKey(x => x.Id);
                a.Property(x => x.Id).ValueGeneratedNever();
                a.Property(x => x.FileName).HasMaxLength(200).IsRequired();
                a.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
                a.Property(x => x.StorageKey).HasMaxLength(64).IsRequired();
            });
            m.Navigation(x => x.Attachments).HasField("_attachments");
        });
        builder.Navigation(t => t.Messages).HasField("_messages");
    }
}
