using AutoDnn.Plugins.Vision.Datasets;
using AutoDnn.Plugins.Vision.Formats;

namespace AutoDnn.Plugins.Vision.Tests.Formats;

public class DigitsCsvReaderTests
{
    [Fact]
    public void ReadsScikitLearnsTable()
    {
        DigitsCsv digits = DigitsCsvReader.Read(SklearnDigitsDataset.DefaultPath);
        Assert.Equal(1797, digits.Count);
        Assert.Equal(1797 * 64, digits.Pixels.Length);
        // The first row of digits.csv: a zero whose top row is 0,0,5,13,9,1,0,0.
        Assert.Equal(new byte[] { 0, 0, 5, 13, 9, 1, 0, 0 }, digits.Pixels[..8]);
        Assert.Equal(0, digits.Labels[0]);
        Assert.Equal(Enumerable.Range(0, 10), digits.Labels.Distinct().Order());
        Assert.True(digits.Pixels.Max() <= DigitsCsv.MaxPixel);
    }

    [Fact]
    public void ReadsFromATextReaderAndSkipsBlankLines()
    {
        string row = string.Join(",", Enumerable.Range(0, 64).Select(i => i % 17)) + ",5";
        DigitsCsv digits = DigitsCsvReader.Read(new StringReader(row + "\n\n" + row + "\n"), "inline");
        Assert.Equal(2, digits.Count);
        Assert.Equal(new[] { 5, 5 }, digits.Labels);
        Assert.Equal(16, digits.Pixels[16]);
        var e = Assert.Throws<CsvFormatException>(() => DigitsCsvReader.Read(new StringReader(row + ",1\n"), "inline"));
        Assert.Equal("inline: line 1 has 66 fields, expected 65 (64 pixels and a label)", e.Message);
        Assert.Contains("10 is outside 0..9", Assert.Throws<CsvFormatException>(() => DigitsCsvReader.Read(new StringReader(row[..^1] + "10"), "inline")).Message);
    }
}
