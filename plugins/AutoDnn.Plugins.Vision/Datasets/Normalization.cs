namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>Per-channel (x − mean) / std applied to unit-range pixels, fixed per dataset or measured on its training images.</summary>
internal sealed class Normalization
{
    public Normalization(float[] mean, float[] std)
    {
        if (mean.Length != std.Length || std.Any(s => !(s > 0))) throw new ArgumentException("normalisation needs one mean and one positive std per channel");
        (Mean, Std) = (mean, std);
    }

    public float[] Mean { get; }

    public float[] Std { get; }

    /// <summary>The same constants for every channel.</summary>
    public static Normalization Fixed(double mean, double std, int channels) =>
        new(Enumerable.Repeat((float)mean, channels).ToArray(), Enumerable.Repeat((float)std, channels).ToArray());

    /// <summary>Mean and (population) std of each channel over the given images; a constant channel gets std 1.</summary>
    public static Normalization Measure(ImageArray images, IReadOnlyList<int> rows)
    {
        int c = images.Channels, plane = images.Height * images.Width;
        var sum = new double[c];
        var squares = new double[c];
        var buffer = new float[images.SampleSize];
        foreach (int row in rows)
        {
            images.ReadUnit(row, buffer);
            for (int ch = 0; ch < c; ch++)
                for (int i = ch * plane; i < (ch + 1) * plane; i++) { sum[ch] += buffer[i]; squares[ch] += (double)buffer[i] * buffer[i]; }
        }
        double n = Math.Max(1.0, (double)rows.Count * plane);
        var mean = new float[c];
        var std = new float[c];
        for (int ch = 0; ch < c; ch++)
        {
            double m = sum[ch] / n, variance = Math.Max(0, squares[ch] / n - m * m);
            mean[ch] = (float)m;
            std[ch] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }
        return new Normalization(mean, std);
    }

    /// <summary>Normalises one [C, H, W] image in place.</summary>
    public void Apply(Span<float> image)
    {
        int plane = image.Length / Mean.Length;
        for (int ch = 0; ch < Mean.Length; ch++)
        {
            float m = Mean[ch], inv = 1f / Std[ch];
            Span<float> p = image.Slice(ch * plane, plane);
            for (int i = 0; i < p.Length; i++) p[i] = (p[i] - m) * inv;
        }
    }
}
