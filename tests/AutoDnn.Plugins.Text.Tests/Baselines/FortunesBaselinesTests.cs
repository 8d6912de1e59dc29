using System.Diagnostics;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Text.Datasets;
using AutoDnn.Plugins.Text.Formats;
using AutoDnn.Plugins.Text.Tests.Support;
using AutoDnn.Torch;
using AutoDnn.Training.Baselines;
using Xunit.Abstractions;

namespace AutoDnn.Plugins.Text.Tests.Baselines;

/// <summary>The two baselines on the real 5-category Fortunes task with the dataset's default options (the figures
/// docs/plugins/TEXT.md quotes come from this test's output).</summary>
[Collection(OpenSourcesCollection.Name)]
public class FortunesBaselinesTests(ITestOutputHelper output)
{
    [Fact]
    public void BagOfWordsBeatsTheMajorityClassOnDefaultFortunes()
    {
        if (!Directory.Exists(FortuneReader.DebianFolder)) return; // ./build.sh installs Debian's fortunes package
        using IDataSource source = new FortunesDataset().Open(new Dictionary<string, string>());
        // ~500 small steps: on a loaded machine libtorch's spinning worker threads cost more than they give.
        int threads = LibTorch.Threads;
        LibTorch.Threads = 1;
        var clock = Stopwatch.StartNew();
        BaselineResult majority = MajorityClassBaseline.Evaluate(source);
        var logistic = new BagOfWordsLogisticRegression();
        BaselineResult bow;
        try { bow = logistic.Evaluate(source); }
        finally { LibTorch.Threads = threads; }
        output.WriteLine($"fortunes default: {source.Train.Count} train / {source.Test!.Count} test, vocabulary {source.Vocabulary!.Count}, classes {string.Join(",", source.Classes)}");
        foreach (BaselineResult r in new[] { majority, bow })
            output.WriteLine($"{r.Name}: accuracy {r.Accuracy:F4}, macro F1 {r.MacroF1:F4}");
        output.WriteLine($"bow loss {logistic.TrainingLoss.First:F4} -> {logistic.TrainingLoss.Last:F4}; {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(majority.Accuracy is > 0.2 and < 0.5, $"majority accuracy {majority.Accuracy}");
        Assert.True(bow.Accuracy > majority.Accuracy + 0.2, $"bag-of-words {bow.Accuracy} vs majority {majority.Accuracy}");
    }
}
