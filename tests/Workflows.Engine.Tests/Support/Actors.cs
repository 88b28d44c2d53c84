using Workflows.Engine.State;

namespace Workflows.Engine.Tests.Support;

internal static class Actors
{
    public static readonly Actor Clerk = new("clerk-wang", Window: "comprehensive-1");
    public static readonly Actor Reviewer = new("reviewer-li", "education", "reviewer");
    public static readonly Actor OtherReviewer = new("reviewer-zhao", "education", "reviewer");
    public static readonly Actor Head = new("head-chen", "education", "head");
    public static readonly Actor Issuer = new("issuer-sun", Window: "issuance");
    public static readonly Actor WaterReviewer = new("reviewer-zhou", "water", "reviewer");
    public static readonly Actor AgricultureReviewer = new("reviewer-wu", "agriculture", "reviewer");
}
