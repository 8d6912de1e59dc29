using AutoDnn.Training.Baselines;

namespace AutoDnn.Training.Tests.Baselines;

public class BagOfWordsLogisticRegressionTests
{
    [Theory]
    [InlineData(BagOfWordsFeatures.TfIdf)]
    [InlineData(BagOfWordsFeatures.Counts)]
    public void LearnsASeparableCorpus(BagOfWordsFeatures features)
    {
        var source = InMemoryTextSource.Separable(classes: 3, trainCount: 150, testCount: 90, seed: 1);
        var model = new BagOfWordsLogisticRegression(new BagOfWordsOptions { Features = features, Epochs = 30, Seed = 2 });
        BaselineResult result = model.Evaluate(source);
        Assert.True(result.Accuracy >= 0.98, $"accuracy {result.Accuracy}");
        Assert.True(result.MacroF1 >= 0.98, $"macro F1 {result.MacroF1}");
        Assert.True(model.TrainingLoss.Last < 0.5 * model.TrainingLoss.First, $"loss {model.TrainingLoss}");
        Assert.Equal(BagOfWordsLogisticRegression.Name, result.Name);
    }

    [Fact]
    public void SameSeedSameProbabilities()
    {
        var source = InMemoryTextSource.Separable(classes: 2, trainCount: 40, testCount: 10, seed: 3);
        var options = new BagOfWordsOptions { Epochs = 5, BatchSize = 8, Seed = 4 };
        BaselineResult a = new BagOfWordsLogisticRegression(options).Evaluate(source), b = new BagOfWordsLogisticRegression(options).Evaluate(source);
        Assert.Equal(a.Outcome.Probabilities, b.Outcome.Probabilities);
    }

    [Fact]
    public void BadOptionsAndNonTextDataAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BagOfWordsLogisticRegression(new BagOfWordsOptions { L2 = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BagOfWordsLogisticRegression(new BagOfWordsOptions { LearningRate = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BagOfWordsLogisticRegression(new BagOfWordsOptions { Epochs = 0 }));
        var floats = new Rows([[2, 3], [4, 5]], [0, 1], 2, asFloat: true);
        var e = Assert.Throws<ArgumentException>(() => new BagOfWordsLogisticRegression().Evaluate(new InMemoryTextSource(6, 2, floats, floats)));
        Assert.Contains("not int64", e.Message);
        var outside = new Rows([[2, 30], [4, 5]], [0, 1], 2);
        Assert.Contains("token id 30", Assert.Throws<ArgumentException>(() => new BagOfWordsLogisticRegression().Evaluate(new InMemoryTextSource(6, 2, outside, outside))).Message);
        Assert.Contains("Fit", Assert.Throws<InvalidOperationException>(() => new BagOfWordsLogisticRegression().PredictProbabilities([[2L]])).Message);
    }
}
