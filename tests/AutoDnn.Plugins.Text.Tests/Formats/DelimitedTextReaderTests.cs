using AutoDnn.Plugins.Text.Formats;

namespace AutoDnn.Plugins.Text.Tests.Formats;

public class DelimitedTextReaderTests
{
    private static string Write(string name, string content)
    {
        string dir = Directory.CreateTempSubdirectory("corpus").FullName;
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Csv_WithQuotesDelimitersAndNewlinesInFields()
    {
        string path = Write("c.csv", "id,label,text\n1,pos,\"great, really \"\"great\"\"\"\n2,neg,\"two\nlines\"\n\n3,neg,plain\n");
        var rows = DelimitedTextReader.Read(path);
        Assert.Equal(new[] { "great, really \"great\"", "two\nlines", "plain" }, rows.Select(r => r.Text));
        Assert.Equal(new[] { "pos", "neg", "neg" }, rows.Select(r => r.Label));
    }

    [Fact]
    public void Tsv_WithoutHeader_UsesTextThenLabel()
    {
        string path = Write("t.tsv", "hello, world\tgreeting\r\nbye\tfarewell\r\n");
        var rows = DelimitedTextReader.Read(path, hasHeader: false);
        Assert.Equal(new[] { new LabeledText("hello, world", "greeting"), new LabeledText("bye", "farewell") }, rows);
    }

    [Fact]
    public void Errors_NameFileRowAndColumns()
    {
        string path = Write("bad.csv", "text,label\nonly-one-field\n");
        var e = Assert.Throws<FormatException>(() => DelimitedTextReader.Read(path));
        Assert.Contains("bad.csv", e.Message);
        Assert.Contains("row 2", e.Message);
        var header = Assert.Throws<FormatException>(() => DelimitedTextReader.Read(path, textColumn: "body"));
        Assert.Contains("'body'", header.Message);
        Assert.Contains("not closed", Assert.Throws<FormatException>(() => DelimitedTextReader.Read(Write("q.csv", "text,label\n\"open,x\n"))).Message);
    }
}
