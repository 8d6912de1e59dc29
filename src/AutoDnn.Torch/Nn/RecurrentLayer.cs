using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch.Nn;

/// <summary>
/// Multi-layer, optionally bidirectional recurrent layer over libtorch's fused kernels (what <c>torch.nn.LSTM</c>
/// and <c>torch.nn.GRU</c> run). Variable-length batches go in with per-sequence lengths (a padding mask's row sums).
/// </summary>
public abstract class RecurrentLayer : Module<Tensor, RnnResult>
{
    private readonly int mode;
    private readonly List<string> weightNames = new();

    private protected RecurrentLayer(int mode, int gates, long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional)
    {
        string at = $"{GetType().Name}({inputSize}, {hiddenSize})";
        if (inputSize <= 0 || hiddenSize <= 0) throw new ArgumentOutOfRangeException(nameof(inputSize), $"{at}: sizes must be positive");
        if (numLayers <= 0) throw new ArgumentOutOfRangeException(nameof(numLayers), $"{at}: numLayers must be positive, got {numLayers}");
        if (dropout is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(dropout), $"{at}: dropout must be in [0, 1], got {dropout}");
        this.mode = mode;
        (InputSize, HiddenSize, NumLayers, HasBias, BatchFirst, DropoutP, Bidirectional) = (inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
        int directions = bidirectional ? 2 : 1;
        for (long layer = 0; layer < numLayers; layer++)
            for (int d = 0; d < directions; d++)
            {
                string suffix = $"_l{layer}" + (d == 1 ? "_reverse" : "");
                long layerInput = layer == 0 ? inputSize : hiddenSize * directions;
                Add("weight_ih" + suffix, Tensor.Zeros(gates * hiddenSize, layerInput));
                Add("weight_hh" + suffix, Tensor.Zeros(gates * hiddenSize, hiddenSize));
                if (!bias) continue;
                Add("bias_ih" + suffix, Tensor.Zeros(gates * hiddenSize));
                Add("bias_hh" + suffix, Tensor.Zeros(gates * hiddenSize));
            }
        ResetParameters();
    }

    public long InputSize { get; }
    public long HiddenSize { get; }
    public long NumLayers { get; }
    public bool HasBias { get; }
    public bool BatchFirst { get; }

    /// <summary>Dropout applied to the outputs of every layer but the last, in training mode.</summary>
    public double DropoutP { get; }
    public bool Bidirectional { get; }

    /// <summary>PyTorch's default: every weight and bias ~ U(−1/√hidden, 1/√hidden), in parameter order.</summary>
    public void ResetParameters()
    {
        double stdv = 1.0 / Math.Sqrt(HiddenSize);
        foreach (string name in weightNames) Init.Uniform(Parameter(name), -stdv, stdv);
    }

    /// <summary>Runs every step of full-length sequences from zero initial state.</summary>
    public override RnnResult Forward(Tensor input) => Forward(input, null);

    private protected unsafe RnnResult Run(Tensor input, Tensor? lengths, Tensor? h0, Tensor? c0)
    {
        var weights = new Tensor[weightNames.Count];
        var raw = new IntPtr[weights.Length];
        for (int i = 0; i < weights.Length; i++) raw[i] = (weights[i] = Parameter(weightNames[i])).Handle;
        int status;
        IntPtr output, hN, cN;
        using (var l = new OptionalHandle(lengths))
        using (var h = new OptionalHandle(h0))
        using (var c = new OptionalHandle(c0))
        fixed (IntPtr* p = raw)
            status = NativeMethods.adt_nn_rnn(mode, input.Handle, l.Pointer, h.Pointer, c.Pointer, p, raw.Length, HasBias ? 1 : 0, NumLayers,
                DropoutP, IsTraining ? 1 : 0, Bidirectional ? 1 : 0, BatchFirst ? 1 : 0, out output, out hN, out cN);
        GC.KeepAlive(input);
        GC.KeepAlive(weights);
        if (status != 0) throw new TorchException($"{GetType().Name}({InputSize}, {HiddenSize}) on input {input}: {NativeMethods.TakeError()}");
        return new RnnResult(new Tensor(output), new Tensor(hN), cN == IntPtr.Zero ? null : new Tensor(cN));
    }

    /// <summary>Runs sequences of the given <paramref name="lengths"/> (int64, one per sequence); see <see cref="RnnResult"/>.</summary>
    public abstract RnnResult Forward(Tensor input, Tensor? lengths);

    private void Add(string name, Tensor tensor)
    {
        RegisterParameter(name, tensor);
        weightNames.Add(name);
    }
}
