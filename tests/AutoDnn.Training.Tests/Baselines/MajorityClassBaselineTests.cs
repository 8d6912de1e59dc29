using AutoDnn.Training.Baselines;

namespace AutoDnn.Training.Tests.Baselines;

public class MajorityClassBaselineTests
{
    [Fact]
    public void AccuracyIsTheTestShareOfTheBiggestTrainingClass()
    {
        var train = Rows.Labels(0, 0, 0, 1, 1, 1, 1, 1, 2, 2);
        var test = Rows.Labels(0, 1, 1, 2, 1, 0, 2, 2);
        BaselineResult result = MajorityClassBaseline.Evaluate(new InMemoryTextSource(3, 3, train, test));
        Assert.Equal(MajorityClassBaseline.Name, result.Name);
        Assert.Equal(3.0 / 8, result.Accuracy, 12);
        Assert.All(result.Outcome.Predicted, p => Assert.Equal(1, p));
        // F1 of class 1: precision 3/8, recall 1 → 6/11; classes 0 and 2 score 0; macro over the three.
        Assert.Equal(6.0 / 11 / 3, result.MacroF1, 12);
        Assert.Equal(0.5, result.Outcome.Probabilities[0, 1], 12);
        Assert.Equal(8, result.TestCount);
    }

    [Fact]
    public void TiesGoToTheLowestClassAndATestSplitIsRequired()
    {
        BaselineResult tie = MajorityClassBaseline.Evaluate(Rows.Labels(1, 2, 2, 1), Rows.Labels(2, 1), 3);
        Assert.All(tie.Outcome.Predicted, p => Assert.Equal(1, p));
        var e = Assert.Throws<ArgumentException>(() => MajorityClassBaseline.Evaluate(new InMemoryTextSource(3, 2, Rows.Labels(0, 1), null)));
        Assert.Contains("no test split", e.Message);
        Assert.Contains("outside 0..1", Assert.Throws<ArgumentException>(() => MajorityClassBaseline.Evaluate(Rows.Labels(0, 2), Rows.Labels(0), 2)).Message);
    }
}
