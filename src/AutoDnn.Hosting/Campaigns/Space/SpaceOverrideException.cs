using AutoDnn.Hosting.Campaigns.Spec;

namespace AutoDnn.Hosting.Campaigns.Space;

/// <summary>A space override that does not fit the hyperparameter a plugin suggests (e.g. a range on a categorical).</summary>
/// <remarks>The message names the parameter, the override's file:line:column and what the plugin expects.</remarks>
public sealed class SpaceOverrideException : Exception
{
    /// <summary>Creates the exception for an override and the reason it does not apply.</summary>
    public SpaceOverrideException(SpaceOverride spaceOverride, string reason)
        : base($"{spaceOverride.Position}: {spaceOverride.Path}: {reason}")
    {
        Override = spaceOverride;
        Reason = reason;
    }

    /// <summary>The override that does not apply.</summary>
    public SpaceOverride Override { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The problem as a campaign error at the override's position.</summary>
    public CampaignError ToError() => new(Override.Position, Override.Path, Reason);
}
