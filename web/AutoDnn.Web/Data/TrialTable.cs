using System.Globalization;
using AutoDnn.Search.Trials;

namespace AutoDnn.Web.Data;

/// <summary>Filters, sorts and pages a campaign snapshot's rows (in memory: a 10,000-trial study takes milliseconds).</summary>
internal static class TrialTable
{
    /// <summary>Every row that passes the filters, in the requested order.</summary>
    public static IReadOnlyList<TrialRow> Select(CampaignSnapshot snapshot, TrialQuery query)
    {
        int param = -1;
        if (query.Param is { } name)
        {
            param = IndexOf(snapshot, name, "param");
        }

        IEnumerable<TrialRow> rows = snapshot.Rows;
        if (query.State is { } state)
        {
            rows = rows.Where(r => r.Trial.State == state);
        }

        if (param >= 0)
        {
            if (query.ParamMin is { } pmin)
            {
                rows = rows.Where(r => NumericParam(r, param) >= pmin);
            }

            if (query.ParamMax is { } pmax)
            {
                rows = rows.Where(r => NumericParam(r, param) <= pmax);
            }

            if (query.ParamValue is { } pvalue)
            {
                rows = rows.Where(r => r.Params[param] is not null && CampaignSnapshot.Format(r.Params[param]) == pvalue);
            }
        }

        if (query.ValueMin is { } vmin)
        {
            rows = rows.Where(r => r.Values is { Count: > 0 } v && v[0] >= vmin);
        }

        if (query.ValueMax is { } vmax)
        {
            rows = rows.Where(r => r.Values is { Count: > 0 } v && v[0] <= vmax);
        }

        Func<TrialRow, IComparable?> key = SortKey(snapshot, query.Sort);
        TrialRow[] list = [.. rows];

        // Keys are computed once per row, not per comparison. Missing keys (untold values, absent parameters) go
        // last in both directions; ties keep trial order.
        IComparable?[] keys = [.. list.Select(key)];
        int[] order = [.. Enumerable.Range(0, list.Length)];
        int sign = query.Descending ? -1 : 1;
        Array.Sort(order, (a, b) =>
        {
            IComparable? ka = keys[a], kb = keys[b];
            int c = (ka, kb) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                _ => sign * ka.CompareTo(kb),
            };
            return c != 0 ? c : list[a].Trial.Number.CompareTo(list[b].Trial.Number);
        });
        return [.. order.Select(i => list[i])];
    }

    /// <summary>One page of the selection, with the count of matching rows.</summary>
    public static TrialTablePage Page(CampaignSnapshot snapshot, TrialQuery query)
    {
        IReadOnlyList<TrialRow> all = Select(snapshot, query);
        int pages = Math.Max(1, (all.Count + query.PageSize - 1) / query.PageSize);
        int page = Math.Min(query.Page, pages);
        var rows = all.Skip((page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new TrialTablePage(rows, all.Count, page, pages);
    }

    private static double NumericParam(TrialRow row, int index) => row.Params[index] switch
    {
        double d => d,
        int i => i,
        _ => double.NaN,
    };

    private static int IndexOf(CampaignSnapshot snapshot, string name, string option)
    {
        for (int i = 0; i < snapshot.ParamNames.Count; i++)
        {
            if (snapshot.ParamNames[i] == name)
            {
                return i;
            }
        }

        throw new ViewerRequestException(
            $"Query option '{option}' = '{name}': campaign '{snapshot.Study.Name}' has no such parameter (it has: {string.Join(", ", snapshot.ParamNames)}).");
    }

    private static Func<TrialRow, IComparable?> SortKey(CampaignSnapshot snapshot, string sort)
    {
        switch (sort)
        {
            case "number":
                return r => r.Trial.Number;
            case "state":
                return r => r.Trial.State.ToString();
            case "duration":
                return r => r.Duration;
            case "started":
                return r => r.Trial.StartedAt;
            case "worker":
                return r => r.Worker;
        }

        if (sort.StartsWith("value", StringComparison.Ordinal)
            && int.TryParse(sort.AsSpan(5).IsEmpty ? "0" : sort[5..], NumberStyles.None, CultureInfo.InvariantCulture, out int objective)
            && objective < snapshot.Study.Directions.Count)
        {
            return r => r.Values is { } v && v.Count > objective && !double.IsNaN(v[objective]) ? v[objective] : null;
        }

        if (sort.StartsWith("param:", StringComparison.Ordinal))
        {
            int i = IndexOf(snapshot, sort["param:".Length..], "sort");
            return r => r.Params[i] is null ? null : double.IsNaN(r.InternalParams[i]) ? null : SortableParam(r.Params[i]!, r.InternalParams[i]);
        }

        throw new ViewerRequestException(
            $"Query option 'sort' = '{sort}' is not a column; use number, state, value, value1.., duration, started, worker or param:NAME.");
    }

    // Numbers sort numerically, categorical choices by their text.
    private static IComparable SortableParam(object external, double internalValue) => external switch
    {
        double or int => internalValue,
        _ => CampaignSnapshot.Format(external),
    };
}
