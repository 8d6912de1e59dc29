using System.Text.Json.Nodes;
using AutoDnn.Search.Trials;

namespace AutoDnn.Web.Charts;

/// <summary>Charts of single trials: learning curves per fold, confusion-matrix heat maps, and curves of several trials overlaid.</summary>
internal static class TrialCharts
{
    /// <summary>One line per fold of the trial's intermediate values.</summary>
    public static PlotlyFigure Curves(FrozenTrial trial) => Overlaid($"Learning curves of trial #{trial.Number}", [trial], label: (_, fold) => $"fold {fold}");

    /// <summary>The learning curves of several trials on one chart, one line per (trial, fold).</summary>
    public static PlotlyFigure Overlaid(string title, IReadOnlyList<FrozenTrial> trials, Func<FrozenTrial, int, string>? label = null)
    {
        var figure = new PlotlyFigure(title).Axes("step", "value");
        foreach (FrozenTrial trial in trials)
        {
            foreach (int fold in trial.Folds)
            {
                var curve = trial.Curve(fold);
                figure.Add(new JsonObject
                {
                    ["type"] = "scatter",
                    ["mode"] = "lines+markers",
                    ["name"] = label?.Invoke(trial, fold) ?? $"#{trial.Number} fold {fold}",
                    ["x"] = new JsonArray([.. curve.Select(p => (JsonNode?)p.Key)]),
                    ["y"] = PlotlyFigure.Numbers(curve.Select(p => p.Value)),
                });
            }
        }

        return figure;
    }

    /// <summary>A heat map of a confusion matrix (rows: true class, columns: predicted), with counts written in the cells.</summary>
    public static PlotlyFigure Confusion(string title, double[][] matrix, IReadOnlyList<string> classNames)
    {
        int n = matrix.Length;
        string[] labels = [.. Enumerable.Range(0, n).Select(i => i < classNames.Count ? classNames[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var figure = new PlotlyFigure(title).Axes("predicted", "true");
        figure.Layout["yaxis"]!["autorange"] = "reversed";
        figure.Add(new JsonObject
        {
            ["type"] = "heatmap",
            ["z"] = new JsonArray([.. matrix.Select(row => (JsonNode?)PlotlyFigure.Numbers(row))]),
            ["x"] = PlotlyFigure.Texts(labels),
            ["y"] = PlotlyFigure.Texts(labels),
            // Plotly's "Blues" runs from dark (low) to light (high); reversed, the diagonal of a good model is the dark part.
            ["colorscale"] = "Blues",
            ["reversescale"] = true,
            ["texttemplate"] = "%{z}",
            ["hovertemplate"] = "true %{y}, predicted %{x}: %{z}<extra></extra>",
        });
        return figure;
    }
}
