namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>The campaign in storage does not match what was asked (another file under the same name, not a campaign, missing).</summary>
public sealed class CampaignMismatchException : Exception
{
    public CampaignMismatchException(string message) : base(message)
    {
    }

    public CampaignMismatchException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public CampaignMismatchException()
    {
    }
}
