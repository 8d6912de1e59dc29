using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch.Nn;

/// <summary>In-place weight initialisers with the formulas and random draws of <c>torch.nn.init</c>.</summary>
public static class Init
{
    /// <summary>Fills with draws from U(<paramref name="low"/>, <paramref name="high"/>); returns the tensor.</summary>
    public static Tensor Uniform(Tensor tensor, double low = 0, double high = 1, Generator? generator = null)
    {
        int status;
        using (var g = new GeneratorLease(generator)) status = NativeMethods.adt_init_uniform_(tensor.Handle, low, high, g.Pointer);
        return Checked(status, tensor);
    }

    /// <summary>Fills with draws from N(<paramref name="mean"/>, <paramref name="std"/>²); returns the tensor.</summary>
    public static Tensor Normal(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
    {
        int status;
        using (var g = new GeneratorLease(generator)) status = NativeMethods.adt_init_normal_(tensor.Handle, mean, std, g.Pointer);
        return Checked(status, tensor);
    }

    /// <summary>Fills with <paramref name="value"/>; returns the tensor.</summary>
    public static Tensor Constant(Tensor tensor, double value)
    {
        using var noGrad = LibTorch.NoGrad();
        return tensor.FillInPlace(value);
    }

    public static Tensor Zeros(Tensor tensor) => Constant(tensor, 0);

    public static Tensor Ones(Tensor tensor) => Constant(tensor, 1);

    /// <summary>Glorot uniform: U(−a, a) with a = gain·√(6 / (fan_in + fan_out)).</summary>
    public static Tensor XavierUniform(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
        double a = Math.Sqrt(3.0) * std;
        return Uniform(tensor, -a, a, generator);
    }

    /// <summary>Glorot normal: N(0, gain²·2 / (fan_in + fan_out)).</summary>
    public static Tensor XavierNormal(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        return Normal(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
    }

    /// <summary>He uniform: U(−b, b) with b = √3·gain/√fan; <paramref name="a"/> is the leaky-ReLU slope, <paramref name="mode"/> "fan_in" or "fan_out".</summary>
    public static Tensor KaimingUniform(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu", Generator? generator = null)
    {
        double std = CalculateGain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
        double bound = Math.Sqrt(3.0) * std;
        return Uniform(tensor, -bound, bound, generator);
    }

    /// <summary>He normal: N(0, (gain/√fan)²).</summary>
    public static Tensor KaimingNormal(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu", Generator? generator = null) =>
        Normal(tensor, 0, CalculateGain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode)), generator);

    /// <summary>A (semi-)orthogonal matrix from the QR decomposition of a normal draw, scaled by <paramref name="gain"/>.</summary>
    public static Tensor Orthogonal(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        int status;
        using (var g = new GeneratorLease(generator)) status = NativeMethods.adt_init_orthogonal_(tensor.Handle, gain, g.Pointer);
        return Checked(status, tensor);
    }

    /// <summary>The recommended gain for a nonlinearity (PyTorch's <c>calculate_gain</c>).</summary>
    public static double CalculateGain(string nonlinearity, double param = 0) => nonlinearity switch
    {
        "linear" or "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d" or "conv_transpose3d" or "sigmoid" => 1,
        "tanh" => 5.0 / 3,
        "relu" => Math.Sqrt(2.0),
        "leaky_relu" => Math.Sqrt(2.0 / (1 + param * param)),
        "selu" => 3.0 / 4,
        _ => throw new ArgumentException($"unsupported nonlinearity '{nonlinearity}' (linear, conv*, sigmoid, tanh, relu, leaky_relu, selu)", nameof(nonlinearity)),
    };

    /// <summary>(fan_in, fan_out) of a weight: input and output features times the receptive field size.</summary>
    public static (long FanIn, long FanOut) CalculateFanInAndFanOut(Tensor tensor)
    {
        long[] shape = tensor.Shape;
        if (shape.Length < 2)
            throw new ArgumentException($"fan in and fan out need a tensor with at least 2 dimensions, got shape [{string.Join(", ", shape)}]", nameof(tensor));
        long receptive = 1;
        for (int i = 2; i < shape.Length; i++) receptive *= shape[i];
        return (shape[1] * receptive, shape[0] * receptive);
    }

    private static long Fan(Tensor tensor, string mode)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        return mode switch
        {
            "fan_in" => fanIn,
            "fan_out" => fanOut,
            _ => throw new ArgumentException($"mode must be \"fan_in\" or \"fan_out\", got \"{mode}\"", nameof(mode)),
        };
    }

    private static Tensor Checked(int status, Tensor tensor)
    {
        GC.KeepAlive(tensor);
        NativeMethods.Check(status);
        return tensor;
    }
}
