namespace CareWorkspace.Infrastructure.CarePlans;

/// <summary>A care plan template file is broken: the message names the file and, when the JSON does not parse, the line.</summary>
public sealed class CarePlanTemplateException(string message, Exception? inner = null) : Exception(message, inner);
