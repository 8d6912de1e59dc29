using AutoDnn.Plugins.Vision.Augmenters;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Tests.Augmenters;

public class AugmenterEffectTests
{
    private static Tensor Ramp(long b, long c, long h, long w) =>
        Tensor.Arange(0, b * c * h * w, 1, DType.Float32).View(b, c, h, w) + 1;

    [Fact]
    public void FlipMirrorsEveryImageAtPOneAndNoneAtPZero()
    {
        using var scope = LibTorch.NewScope();
        using var g = new Generator(0);
        Tensor x = Ramp(4, 2, 3, 5);
        float[] values = x.ToArray<float>();
        Tensor flipped = new RandomHorizontalFlip(1).Apply(x, g);
        float[] got = flipped.ToArray<float>();
        for (int i = 0; i < values.Length; i++)
        {
            int col = i % 5;
            Assert.Equal(values[i - col + (4 - col)], got[i]);
        }
        Assert.Equal(values, new RandomHorizontalFlip(0).Apply(x, g).ToArray<float>());
    }

    [Fact]
    public void FlipAtHalfMirrorsSomeImagesWhole()
    {
        using var scope = LibTorch.NewScope();
        using var g = new Generator(5);
        Tensor x = Ramp(64, 1, 2, 4);
        Tensor y = new RandomHorizontalFlip(0.5).Apply(x, g);
        int flipped = 0;
        for (int i = 0; i < 64; i++)
        {
            bool same = (y[i] - x[i]).Abs().Max().Item() == 0;
            bool mirrored = (y[i] - x[i].IndexSelect(2, Tensor.From(new long[] { 3, 2, 1, 0 }))).Abs().Max().Item() == 0;
            Assert.True(same ^ mirrored);
            if (mirrored) flipped++;
        }
        Assert.InRange(flipped, 16, 48);
    }

    [Fact]
    public void CropShiftsContentWithinThePaddingAndFillsWithZeros()
    {
        using var scope = LibTorch.NewScope();
        using var g = new Generator(2);
        const int p = 3, h = 6, w = 7;
        Tensor x = Ramp(32, 2, h, w);
        float[] input = x.ToArray<float>(), output = new RandomCrop(p).Apply(x, g).ToArray<float>();
        int shifted = 0;
        for (int b = 0; b < 32; b++)
        {
            // Find the (dy, dx) in [-p, p]² that explains this image: out[i, j] = in[i + dy, j + dx], 0 outside.
            bool found = false;
            for (int dy = -p; dy <= p && !found; dy++)
                for (int dx = -p; dx <= p && !found; dx++)
                {
                    bool ok = true;
                    for (int c = 0; c < 2 && ok; c++)
                        for (int i = 0; i < h && ok; i++)
                            for (int j = 0; j < w && ok; j++)
                            {
                                int si = i + dy, sj = j + dx;
                                float want = si is >= 0 and < h && sj is >= 0 and < w ? input[((b * 2 + c) * h + si) * w + sj] : 0;
                                ok = output[((b * 2 + c) * h + i) * w + j] == want;
                            }
                    if (ok) { found = true; if (dy != 0 || dx != 0) shifted++; }
                }
            Assert.True(found, $"image {b} is not a shifted copy");
        }
        Assert.True(shifted > 16);
    }

    [Fact]
    public void RotationByZeroIsTheIdentityAndNinetyDegreesTurnsTheImage()
    {
        using var scope = LibTorch.NewScope();
        using var g = new Generator(4);
        Tensor x = Tensor.Randn([3, 2, 9, 9], g);
        foreach (bool bilinear in new[] { true, false })
        {
            Assert.Equal(x.ToArray<float>(), new RandomRotation(0, bilinear).Apply(x, g).ToArray<float>());
            // A quarter turn counter-clockwise: out[i, j] = in[j, W-1-i] (exact for both samplers on a square image).
            Tensor angle = Tensor.Full([3, 1], Math.PI / 2);
            Tensor turned = RandomRotation.Rotate(x, angle, 3, 2, 9, 9, bilinear);
            Tensor expected = x.Transpose(2, 3).IndexSelect(2, Tensor.Arange(8, -1, -1));
            Assert.True((turned - expected).Abs().Max().Item() < 1e-4);
        }
    }

    [Fact]
    public void SmallRotationsMoveContentAndZeroTheCorners()
    {
        using var scope = LibTorch.NewScope();
        using var g = new Generator(8);
        Tensor x = Tensor.Ones(16, 1, 16, 16);
        Tensor y = new RandomRotation(20, bilinear: true).Apply(x, g);
        // The centre stays (rotation is about it); corners come from outside the image for most angles.
        Assert.True((y[TensorIndex.Ellipsis, 8, 8] - 1).Abs().Max().Item() < 1e-5);
        Assert.True(y[TensorIndex.Ellipsis, 0, 0].Mean().Item() < 0.9);
        Assert.True(y.Max().Item() <= 1 + 1e-5 && y.Min().Item() >= -1e-6);
    }

    [Fact]
    public void ErasingZeroesOneRectangleOfTheRequestedArea()
    {
        using var scope = LibTorch.NewScope();
        using var g = new Generator(6);
        const int h = 20, w = 20;
        Tensor x = Tensor.Ones(40, 3, h, w);
        float[] y = new RandomErasing(1, 0.1, 0.2).Apply(x, g).ToArray<float>();
        for (int b = 0; b < 40; b++)
        {
            var zeros = new List<(int I, int J)>();
            for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++)
                {
                    float v = y[((b * 3) * h + i) * w + j];
                    // Every channel is erased alike.
                    Assert.Equal(v, y[((b * 3 + 2) * h + i) * w + j]);
                    if (v == 0) zeros.Add((i, j));
                }
            Assert.NotEmpty(zeros);
            int top = zeros.Min(z => z.I), bottom = zeros.Max(z => z.I), left = zeros.Min(z => z.J), right = zeros.Max(z => z.J);
            int area = (bottom - top + 1) * (right - left + 1);
            Assert.Equal(area, zeros.Count);   // one solid rectangle
            // Sides are rounded and clipped, so allow a little beyond [0.1, 0.2] of 400 pixels.
            Assert.InRange(area, 25, 110);
        }
        Assert.Equal(x.ToArray<float>(), new RandomErasing(0, 0.1, 0.2).Apply(x, g).ToArray<float>());
    }

    [Fact]
    public void NoiseHasTheRequestedStandardDeviationAndZeroMean()
    {
        using var scope = LibTorch.NewScope();
        using var g = new Generator(9);
        Tensor x = Tensor.Full([8, 3, 32, 32], 0.5);
        Tensor noise = new GaussianNoise(0.2).Apply(x, g) - x;
        Assert.InRange(noise.Std().Item(), 0.19, 0.21);
        Assert.InRange(noise.Mean().Item(), -0.01, 0.01);
        Assert.Equal(x.ToArray<float>(), new GaussianNoise(0).Apply(x, g).ToArray<float>());
    }

    [Fact]
    public void OutOfRangeSettingsAreRejectedWithTheParameterName()
    {
        Assert.Contains("random-horizontal-flip.p", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomHorizontalFlip(1.5)).Message);
        Assert.Contains("random-crop.padding", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(-1)).Message);
        Assert.Contains("random-rotation.degrees", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomRotation(-5, true)).Message);
        Assert.Contains("random-erasing", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomErasing(0.5, 0.3, 0.2)).Message);
        Assert.Contains("gaussian-noise.std", Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianNoise(-0.1)).Message);
    }
}
