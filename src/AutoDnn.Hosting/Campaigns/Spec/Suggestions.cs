namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>"Did you mean" by edit distance (Levenshtein with adjacent transpositions).</summary>
internal static class Suggestions
{
    /// <summary>The known name closest to <paramref name="given"/>, when it is close enough to be a likely typo; else null.</summary>
    public static string? Closest(string given, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = Distance(given.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        int allowed = Math.Max(1, Math.Min(3, given.Length / 3));
        if (best is not null && bestDistance <= allowed)
        {
            return best;
        }

        // A truncated or extended name ("n_startup" for "n_startup_trials"): the one known name that contains it, or that it contains.
        string[] related = given.Length < 3 ? [] : [.. known.Where(k =>
            k.Contains(given, StringComparison.OrdinalIgnoreCase) || (k.Length >= 3 && given.Contains(k, StringComparison.OrdinalIgnoreCase)))];
        return related.Length == 1 ? related[0] : null;
    }

    /// <summary>"write X instead" when a close name exists, else "write one of a, b, c instead".</summary>
    public static string WriteInstead(string given, IReadOnlyCollection<string> known, string? what = null)
    {
        string? closest = Closest(given, known);
        if (closest is not null)
        {
            return $"write {closest} instead";
        }

        string list = known.Count == 0 ? "(none)" : string.Join(", ", known);
        return what is null ? $"write one of {list} instead" : $"write one of the known {what} ({list}) instead";
    }

    /// <summary>Optimal string alignment distance.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
