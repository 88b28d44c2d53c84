using Workflows.Definitions.Model;

namespace Workflows.Engine.State;

/// <summary>
/// The applicant: a person (resident ID) or an organisation (USCC). <paramref name="Address"/> is the
/// 住址 as the ID card reader gave it (or as typed), kept on the case for the notices and the scripts.
/// </summary>
public sealed record Applicant(ApplicantType Type, string Name, string IdNumber, string? Phone = null, string? Address = null);
