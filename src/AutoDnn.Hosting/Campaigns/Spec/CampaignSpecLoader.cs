using System.Security.Cryptography;
using System.Text;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>Reads campaign YAML into a <see cref="CampaignSpec"/>, collecting every problem with its file, line and column before anything runs.</summary>
public static class CampaignSpecLoader
{
    /// <summary>Reads and validates a campaign file; relative plugin folders resolve against the file's folder.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CampaignValidationException">The file is not a valid campaign.</exception>
    public static CampaignSpec Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Campaign file '{path}' does not exist.", path);
        }

        string text = File.ReadAllText(path);
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Validates campaign YAML text; positions in errors name <paramref name="sourceName"/>.</summary>
    /// <exception cref="CampaignValidationException">The text is not a valid campaign.</exception>
    public static CampaignSpec Parse(string yamlText, string sourceName, string? sourceDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var errors = new List<CampaignError>();
        SpecNode? root = SpecTreeBuilder.Build(yamlText, sourceName, errors);
        CampaignSpec? spec = null;
        if (root is not null)
        {
            var parser = new CampaignSpecParser(new SpecReader(sourceName));
            spec = parser.Parse(root);
            errors.AddRange(parser.Errors);
        }

        if (errors.Count > 0 || spec is null)
        {
            throw new CampaignValidationException(errors);
        }

        return spec with
        {
            SourceText = yamlText,
            SourceName = sourceName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yamlText))),
            SourceDirectory = sourceDirectory,
        };
    }
}
