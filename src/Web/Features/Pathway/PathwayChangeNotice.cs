using CareWorkspace.Domain.Access;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>What hub clients receive: which patient and section changed, nothing more.</summary>
public sealed record PathwayChangeNotice(Guid PatientId, PatientSection Section, Guid? ItemId);
