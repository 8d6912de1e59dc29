using System.Text.Json;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>Creates a campaign's study in storage (or checks the stored one is the same campaign) and enqueues its
/// budget slots; later workers, here or on other machines, load the campaign from the study.</summary>
public static class CampaignSession
{
    /// <summary>Study user attribute: the campaign file's text.</summary>
    public const string SpecAttribute = "campaign_yaml";

    /// <summary>Study user attribute: SHA-256 of the campaign file's text.</summary>
    public const string SpecShaAttribute = "campaign_sha256";

    /// <summary>Study user attribute: where the campaign file was (plugin folders in it are relative to its folder).</summary>
    public const string SpecPathAttribute = "campaign_path";

    /// <summary>Study user attribute: the best trial's evaluation on the dataset's test split and its saved model.</summary>
    public const string FinalAttribute = "final_model";

    /// <summary>Creates the study and its <see cref="CampaignPlan.Trials"/> Waiting slots, or loads the existing one
    /// after checking it was created from the same file. Returns true when it was created now.</summary>
    /// <exception cref="CampaignMismatchException">A campaign of that name exists with another file or directions.</exception>
    public static bool Prepare(CampaignPlan plan, SqlStudyStorage storage, string? specPath)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(storage);
        var existing = storage.FindStudy(plan.Name);
        if (existing is not null)
        {
            string? sha = existing.UserAttributes.TryGetValue(SpecShaAttribute, out JsonElement s) ? s.GetString() : null;
            if (sha is null)
            {
                throw new CampaignMismatchException(
                    $"storage {plan.Storage} already has a study '{plan.Name}' that is not a campaign; rename the campaign (name:) or delete the study (autodnn study delete).");
            }

            if (sha != plan.SpecSha256)
            {
                throw new CampaignMismatchException(
                    $"campaign '{plan.Name}' already exists in {plan.Storage} with a different campaign file (sha256 {sha[..12]}…, this file {plan.SpecSha256[..12]}…); "
                    + $"resume it with the original file, or start a new campaign from this one: autodnn fork {plan.Name} --from <file> (and give it a new name:).");
            }

            return false;
        }

        Study study;
        try
        {
            study = Study.Create(new StudyOptions { Name = plan.Name, Directions = plan.Directions, Storage = storage });
        }
        catch (Search.Storage.DuplicateStudyException)
        {
            // Another process created it a moment ago: treat as existing.
            return Prepare(plan, storage, specPath);
        }

        study.SetUserAttribute(SpecAttribute, plan.SpecYaml);
        study.SetUserAttribute(SpecPathAttribute, specPath is null ? null : Path.GetFullPath(specPath));
        study.SetUserAttribute("objectives", plan.Objectives);
        study.SetUserAttribute("campaign_seed", plan.Seed);
        for (int i = 0; i < plan.Trials; i++)
        {
            study.Enqueue(new Dictionary<string, object?>());
        }

        // Written last: a campaign is complete only once its slots exist.
        study.SetUserAttribute(SpecShaAttribute, plan.SpecSha256);
        return true;
    }

    /// <summary>The campaign file text and path stored with a campaign, for workers and forks.</summary>
    public static (string Yaml, string? Path) LoadSpec(SqlStudyStorage storage, string name)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var record = storage.FindStudy(name)
            ?? throw new CampaignMismatchException($"no campaign named '{name}' in {storage.Location}; start it with autodnn run <campaign.yaml>.");
        if (!record.UserAttributes.TryGetValue(SpecAttribute, out JsonElement yaml) || yaml.ValueKind != JsonValueKind.String)
        {
            throw new CampaignMismatchException($"study '{name}' in {storage.Location} is not a campaign (it has no campaign file); it was made with autodnn study/ask, not autodnn run.");
        }

        string? path = record.UserAttributes.TryGetValue(SpecPathAttribute, out JsonElement p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return (yaml.GetString()!, path);
    }

    /// <summary>True when every slot has been taken and no trial is running or waiting.</summary>
    public static bool IsFinished(IReadOnlyList<FrozenTrial> trials) =>
        trials.Count > 0 && trials.All(t => t.State.IsFinished());
}
