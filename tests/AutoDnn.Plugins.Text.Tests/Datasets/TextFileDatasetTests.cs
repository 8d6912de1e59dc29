using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Text.Datasets;
using AutoDnn.Plugins.Text.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Tests.Datasets;

[Collection(OpenSourcesCollection.Name)]
public class TextFileDatasetTests
{
    private static string Write(string name, string content)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("textfile").FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static IDataSource Open(params (string Key, string Value)[] options) =>
        new TextFileDataset().Open(options.ToDictionary(o => o.Key, o => o.Value));

    private static long[] Ids(IExampleSet set, int index)
    {
        using var scope = LibTorch.NewScope();
        return set.Get(index).Input.ToArray<long>();
    }

    [Fact]
    public void CsvWithQuotingIsSplitStratified()
    {
        var csv = new System.Text.StringBuilder("label,text\n");
        for (int i = 0; i < 10; i++) csv.Append($"pos,\"good, \"\"great\"\" film {i}\"\nneg,\"bad\nfilm {i}\"\n");
        using IDataSource source = Open(("path", Write("reviews.csv", csv.ToString())), ("test_fraction", "0.2"), ("min_count", "1"), ("max_length", "6"));
        Assert.Equal(new[] { "neg", "pos" }, source.Classes);
        Assert.Equal(16, source.Train.Count);
        Assert.Equal(4, source.Test!.Count);
        var tokens = source.Vocabulary!;
        Assert.Contains("great", tokens);
        Assert.Contains("good", tokens);
        using var scope = LibTorch.NewScope();
        Assert.Equal(2, Enumerable.Range(0, 4).Count(i => source.Test.Get(i).Label == 0));
    }

    [Fact]
    public void TsvWithoutHeaderAndASeparateTestFile()
    {
        string train = Write("train.tsv", "sports\tthe match ended\nweather\train all day\nsports\ta late goal\nweather\tsunny and warm\n");
        string test = Write("test.tsv", "weather\train or goal\n");
        using IDataSource source = Open(("path", train), ("test_path", test), ("header", "false"), ("text_column", "1"),
            ("label_column", "0"), ("delimiter", "tab"), ("min_count", "1"), ("max_length", "4"));
        Assert.Equal(new[] { "sports", "weather" }, source.Classes);
        Assert.Equal(4, source.Train.Count);
        Assert.Equal(1, source.Test!.Count);
        var vocabulary = source.Vocabulary!;
        long[] ids = Ids(source.Test, 0);
        Assert.Equal(new long[] { vocabulary.ToList().IndexOf("rain"), 1, vocabulary.ToList().IndexOf("goal"), 0 }, ids);
    }

    [Fact]
    public void ErrorsNameTheFileOptionAndValue()
    {
        string good = Write("ok.csv", "text,label\na b,x\nc d,y\ne f,x\ng h,y\n");
        Assert.Contains("'path'", Assert.Throws<ArgumentException>(() => Open(("test_fraction", "0.5"))).Message);
        var missing = Assert.Throws<FileNotFoundException>(() => Open(("path", good + ".gone")));
        Assert.Contains("ok.csv.gone", missing.Message);
        var unknown = Assert.Throws<ArgumentException>(() => Open(("path", good), ("colum", "x")));
        Assert.Contains("'colum'", unknown.Message);
        Assert.Contains("text_column", unknown.Message);
        Assert.Contains("delimiter = '::'", Assert.Throws<ArgumentException>(() => Open(("path", good), ("delimiter", "::"))).Message);
        Assert.Contains("header = 'maybe'", Assert.Throws<ArgumentException>(() => Open(("path", good), ("header", "maybe"))).Message);
        string corrupt = Write("corrupt.csv", "text,label\n\"never closed,x\n");
        var format = Assert.Throws<FormatException>(() => Open(("path", corrupt)));
        Assert.Contains("corrupt.csv", format.Message);
        string test = Write("test.csv", "text,label\nz,w\n");
        var label = Assert.Throws<FormatException>(() => Open(("path", good), ("test_path", test)));
        Assert.Contains("'w'", label.Message);
        string oneClass = Write("one.csv", "text,label\na,x\nb,x\n");
        Assert.Contains("1 distinct label", Assert.Throws<FormatException>(() => Open(("path", oneClass))).Message);
    }
}
