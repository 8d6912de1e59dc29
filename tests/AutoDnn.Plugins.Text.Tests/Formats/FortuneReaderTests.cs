using AutoDnn.Plugins.Text.Formats;

namespace AutoDnn.Plugins.Text.Tests.Formats;

public class FortuneReaderTests
{
    [Fact]
    public void Split_CutsAtPercentLines_TrimsAndDropsEmptyEntries()
    {
        string text = "first\nline two\n%\n\n%\r\nsecond 100%\n%\nthird";
        Assert.Equal(new[] { "first\nline two", "second 100%", "third" }, FortuneReader.Split(text));
    }

    [Fact]
    public void ReadsDebiansCategories()
    {
        // ./build.sh installs Debian's fortunes package.
        IReadOnlyList<string> categories = FortuneReader.Categories();
        Assert.Contains("science", categories);
        Assert.Contains("computers", categories);
        var science = FortuneReader.Read("science");
        Assert.True(science.Count > 100, $"{science.Count} science fortunes");
        Assert.All(science, f => Assert.Equal("science", f.Label));
        Assert.Equal("1 + 1 = 3, for large values of 1.", science[0].Text);
        Assert.DoesNotContain(science, f => f.Text.Split('\n').Contains("%"));
    }

    [Fact]
    public void UnknownCategory_ListsTheKnownOnes()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FortuneReader.Read("sciense"));
        Assert.Contains("'sciense'", e.Message);
        Assert.Contains("science", e.Message);
    }
}
