using System.Globalization;
using System.Text.Json.Nodes;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Web.Data;

namespace AutoDnn.Web.Charts;

/// <summary>The campaign dashboard's charts, each built from one snapshot.</summary>
internal static class CampaignCharts
{
    /// <summary>Curves of at most this many trials per fold chart (the latest ones that reported), so the chart stays readable.</summary>
    public const int CurveTrialLimit = 40;

    private const int ContourBins = 24;

    /// <summary>Every objective value by trial number, with the best-so-far line for single-objective studies.</summary>
    public static PlotlyFigure History(CampaignSnapshot s)
    {
        var figure = new PlotlyFigure("Optimization history").Axes("trial", s.IsMultiObjective ? "objective values" : "objective value");
        var complete = s.Rows.Where(r => r.Trial.State == TrialState.Complete && r.Values is not null).ToList();
        for (int k = 0; k < s.Study.Directions.Count; k++)
        {
            int objective = k;
            figure.Add(new JsonObject
            {
                ["type"] = "scattergl",
                ["mode"] = "markers",
                ["name"] = s.IsMultiObjective ? $"objective {k} ({s.Study.Directions[k]})" : "objective value",
                ["x"] = new JsonArray([.. complete.Select(r => (JsonNode?)r.Trial.Number)]),
                ["y"] = PlotlyFigure.Numbers(complete.Select(r => r.Values!.Count > objective ? r.Values[objective] : double.NaN)),
            });
        }

        if (!s.IsMultiObjective)
        {
            bool minimize = s.Study.Directions[0] == StudyDirection.Minimize;
            double best = double.NaN;
            var bestSoFar = new List<double>(complete.Count);
            foreach (TrialRow r in complete)
            {
                double v = r.Values![0];
                if (!double.IsNaN(v) && (double.IsNaN(best) || (minimize ? v < best : v > best)))
                {
                    best = v;
                }

                bestSoFar.Add(best);
            }

            figure.Add(new JsonObject
            {
                ["type"] = "scattergl",
                ["mode"] = "lines",
                ["name"] = "best so far",
                ["line"] = new JsonObject { ["shape"] = "hv" },
                ["x"] = new JsonArray([.. complete.Select(r => (JsonNode?)r.Trial.Number)]),
                ["y"] = PlotlyFigure.Numbers(bestSoFar),
            });
        }

        return figure;
    }

    /// <summary>Parallel coordinates of every parameter and the first objective over completed trials.</summary>
    public static PlotlyFigure ParallelCoordinates(CampaignSnapshot s)
    {
        var figure = new PlotlyFigure("Parallel coordinates");
        var complete = s.Rows.Where(r => r.Trial.State == TrialState.Complete && r.Values is { Count: > 0 }).ToList();
        if (complete.Count == 0)
        {
            return figure;
        }

        var dimensions = new JsonArray();
        for (int p = 0; p < s.ParamNames.Count; p++)
        {
            int i = p;
            var dimension = new JsonObject
            {
                ["label"] = s.ParamNames[p],
                ["values"] = PlotlyFigure.Numbers(complete.Select(r => r.InternalParams[i])),
            };
            if (s.Distributions[s.ParamNames[p]] is CategoricalDistribution c)
            {
                dimension["tickvals"] = new JsonArray([.. Enumerable.Range(0, c.Choices.Count).Select(v => (JsonNode?)v)]);
                dimension["ticktext"] = PlotlyFigure.Texts(c.Choices.Select(CampaignSnapshot.Format));
            }
            else if (s.Distributions[s.ParamNames[p]] is FloatDistribution { Log: true } or IntDistribution { Log: true })
            {
                // Log-scaled parameters are drawn on log10 so their spread is visible; the label says so.
                dimension["label"] = $"log10 {s.ParamNames[p]}";
                dimension["values"] = PlotlyFigure.Numbers(complete.Select(r => Math.Log10(r.InternalParams[i])));
            }

            dimensions.Add(dimension);
        }

        var objective = PlotlyFigure.Numbers(complete.Select(r => r.Values![0]));
        dimensions.Add(new JsonObject { ["label"] = "objective", ["values"] = objective });
        figure.Add(new JsonObject
        {
            ["type"] = "parcoords",
            ["dimensions"] = dimensions,
            ["line"] = new JsonObject { ["color"] = objective.DeepClone(), ["colorscale"] = "Viridis", ["showscale"] = true },
        });
        return figure;
    }

    /// <summary>fANOVA importances as horizontal bars, most important on top.</summary>
    public static PlotlyFigure Importance(CampaignSnapshot s)
    {
        ImportanceResult result = s.Importance;
        var figure = new PlotlyFigure($"Parameter importance (fANOVA, {result.TrialsUsed} completed trials)").Axes("share of variance", "");
        if (result.Scores.Count > 0)
        {
            var ordered = result.Scores.Reverse().ToList();
            figure.Add(new JsonObject
            {
                ["type"] = "bar",
                ["orientation"] = "h",
                ["x"] = PlotlyFigure.Numbers(ordered.Select(p => p.Value)),
                ["y"] = PlotlyFigure.Texts(ordered.Select(p => p.Key)),
            });
        }

        return figure;
    }

    /// <summary>Learning curves of one fold: the latest <see cref="CurveTrialLimit"/> trials that reported in it.</summary>
    public static PlotlyFigure Intermediate(CampaignSnapshot s, int fold)
    {
        var figure = new PlotlyFigure($"Intermediate values, fold {fold}").Axes("step", "value");
        foreach (TrialRow r in s.Rows.Where(r => r.Trial.IntermediateValues.Keys.Any(k => k.Fold == fold)).TakeLast(CurveTrialLimit))
        {
            var curve = r.Trial.Curve(fold);
            figure.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["name"] = $"#{r.Trial.Number} ({r.Trial.State})",
                ["x"] = new JsonArray([.. curve.Select(p => (JsonNode?)p.Key)]),
                ["y"] = PlotlyFigure.Numbers(curve.Select(p => p.Value)),
            });
        }

        return figure;
    }

    /// <summary>The folds that have intermediate values anywhere in the campaign.</summary>
    public static IReadOnlyList<int> Folds(CampaignSnapshot s) =>
        [.. s.Rows.SelectMany(r => r.Trial.IntermediateValues.Keys.Select(k => k.Fold)).Distinct().Order()];

    /// <summary>First objective against one parameter's value (a slice plot).</summary>
    public static PlotlyFigure Slice(CampaignSnapshot s, int param)
    {
        string name = s.ParamNames[param];
        var figure = new PlotlyFigure($"Slice: {name}").Axes(name, "objective value");
        var rows = s.Rows.Where(r => r.Trial.State == TrialState.Complete && r.Values is { Count: > 0 } && r.Params[param] is not null).ToList();
        bool categorical = s.Distributions[name] is CategoricalDistribution;
        figure.Add(new JsonObject
        {
            ["type"] = "scattergl",
            ["mode"] = "markers",
            ["name"] = name,
            ["x"] = categorical ? PlotlyFigure.Texts(rows.Select(r => CampaignSnapshot.Format(r.Params[param]))) : PlotlyFigure.Numbers(rows.Select(r => r.InternalParams[param])),
            ["y"] = PlotlyFigure.Numbers(rows.Select(r => r.Values![0])),
            ["marker"] = new JsonObject { ["color"] = new JsonArray([.. rows.Select(r => (JsonNode?)r.Trial.Number)]), ["colorscale"] = "Blues", ["showscale"] = false },
        });
        if (s.Distributions[name] is FloatDistribution { Log: true } or IntDistribution { Log: true })
        {
            figure.Layout["xaxis"]!["type"] = "log";
        }

        return figure;
    }

    /// <summary>
    /// Mean first objective over a grid of two numeric parameters (the two most important when known): trials fall in
    /// <see cref="ContourBins"/>² cells, so the contour stays small however many trials there are. Null when fewer than two numeric parameters.
    /// </summary>
    public static PlotlyFigure? Contour(CampaignSnapshot s)
    {
        var numeric = s.ParamNames.Where(n => s.Distributions[n] is FloatDistribution or IntDistribution).ToList();
        var ranked = s.Importance.Scores.Keys.Where(numeric.Contains).Concat(numeric).Distinct().Take(2).ToList();
        if (ranked.Count < 2)
        {
            return null;
        }

        int px = s.ParamNames.ToList().IndexOf(ranked[0]), py = s.ParamNames.ToList().IndexOf(ranked[1]);
        var rows = s.Rows.Where(r => r.Trial.State == TrialState.Complete && r.Values is { Count: > 0 } v && double.IsFinite(v[0])
            && !double.IsNaN(r.InternalParams[px]) && !double.IsNaN(r.InternalParams[py])).ToList();
        var figure = new PlotlyFigure($"Contour: {ranked[0]} × {ranked[1]}").Axes(ranked[0], ranked[1]);
        if (rows.Count < 2)
        {
            return figure;
        }

        bool logX = IsLog(s.Distributions[ranked[0]]), logY = IsLog(s.Distributions[ranked[1]]);
        double[] xs = [.. rows.Select(r => logX ? Math.Log10(r.InternalParams[px]) : r.InternalParams[px])];
        double[] ys = [.. rows.Select(r => logY ? Math.Log10(r.InternalParams[py]) : r.InternalParams[py])];
        (double x0, double x1) = (xs.Min(), xs.Max());
        (double y0, double y1) = (ys.Min(), ys.Max());
        double[,] sum = new double[ContourBins, ContourBins];
        int[,] count = new int[ContourBins, ContourBins];
        for (int i = 0; i < rows.Count; i++)
        {
            int bx = Bin(xs[i], x0, x1), by = Bin(ys[i], y0, y1);
            sum[by, bx] += rows[i].Values![0];
            count[by, bx]++;
        }

        var z = new JsonArray();
        for (int by = 0; by < ContourBins; by++)
        {
            z.Add(PlotlyFigure.Numbers(Enumerable.Range(0, ContourBins).Select(bx => count[by, bx] == 0 ? double.NaN : sum[by, bx] / count[by, bx])));
        }

        figure.Add(new JsonObject
        {
            ["type"] = "contour",
            ["x"] = PlotlyFigure.Numbers(Centers(x0, x1, logX)),
            ["y"] = PlotlyFigure.Numbers(Centers(y0, y1, logY)),
            ["z"] = z,
            ["connectgaps"] = true,
            ["colorscale"] = "Viridis",
        });
        figure.Add(new JsonObject
        {
            ["type"] = "scattergl",
            ["mode"] = "markers",
            ["name"] = "trials",
            ["x"] = PlotlyFigure.Numbers(rows.Select(r => r.InternalParams[px])),
            ["y"] = PlotlyFigure.Numbers(rows.Select(r => r.InternalParams[py])),
            ["marker"] = new JsonObject { ["size"] = 4, ["color"] = "black", ["opacity"] = 0.4 },
        });
        if (logX)
        {
            figure.Layout["xaxis"]!["type"] = "log";
        }

        if (logY)
        {
            figure.Layout["yaxis"]!["type"] = "log";
        }

        return figure;
    }

    /// <summary>Each trial as a bar from start to finish (or now, while running), one row per worker, coloured by state.</summary>
    public static PlotlyFigure Timeline(CampaignSnapshot s, DateTimeOffset now)
    {
        var figure = new PlotlyFigure("Timeline by worker").Axes("time", "worker");
        figure.Layout["xaxis"]!["type"] = "date";
        foreach (var group in s.Rows.Where(r => r.Trial.StartedAt is not null).GroupBy(r => r.Trial.State).OrderBy(g => g.Key))
        {
            var rows = group.ToList();
            figure.Add(new JsonObject
            {
                ["type"] = "bar",
                ["orientation"] = "h",
                ["name"] = group.Key.ToString(),
                ["base"] = PlotlyFigure.Texts(rows.Select(r => Iso(r.Trial.StartedAt!.Value))),
                ["x"] = PlotlyFigure.Numbers(rows.Select(r => Math.Max(1, ((r.Trial.FinishedAt ?? now) - r.Trial.StartedAt!.Value).TotalMilliseconds))),
                ["y"] = PlotlyFigure.Texts(rows.Select(r => r.Worker ?? "(unknown)")),
                ["text"] = PlotlyFigure.Texts(rows.Select(r => $"#{r.Trial.Number}")),
                ["hoverinfo"] = "text+name",
            });
        }

        figure.Layout["barmode"] = "overlay";
        return figure;
    }

    private static bool IsLog(Distribution d) => d is FloatDistribution { Log: true } or IntDistribution { Log: true };

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static int Bin(double v, double lo, double hi) => hi > lo ? Math.Clamp((int)((v - lo) / (hi - lo) * ContourBins), 0, ContourBins - 1) : 0;

    private static IEnumerable<double> Centers(double lo, double hi, bool log) =>
        Enumerable.Range(0, ContourBins).Select(i =>
        {
            double c = lo + ((hi - lo) * (i + 0.5) / ContourBins);
            return log ? Math.Pow(10, c) : c;
        });
}
