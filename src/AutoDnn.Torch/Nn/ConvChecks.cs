namespace AutoDnn.Torch.Nn;

/// <summary>Argument checks shared by the convolution layers, with messages that name the layer and the value.</summary>
internal static class ConvChecks
{
    public static void Validate(string layer, long inChannels, long outChannels, long groups, long[] kernel, long[] stride, long[] padding, long[] dilation)
    {
        string at = $"{layer}({inChannels}, {outChannels}, kernelSize: [{string.Join(", ", kernel)}])";
        if (inChannels <= 0 || outChannels <= 0) throw new ArgumentOutOfRangeException(nameof(inChannels), $"{at}: channel counts must be positive");
        if (groups <= 0 || inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"{at}: groups = {groups} must be positive and divide both channel counts", nameof(groups));
        if (kernel.Any(k => k <= 0)) throw new ArgumentOutOfRangeException(nameof(kernel), $"{at}: kernel sizes must be positive");
        if (stride.Any(s => s <= 0)) throw new ArgumentOutOfRangeException(nameof(stride), $"{at}: stride must be positive, got [{string.Join(", ", stride)}]");
        if (padding.Any(p => p < 0)) throw new ArgumentOutOfRangeException(nameof(padding), $"{at}: padding must be non-negative, got [{string.Join(", ", padding)}]");
        if (dilation.Any(d => d <= 0)) throw new ArgumentOutOfRangeException(nameof(dilation), $"{at}: dilation must be positive, got [{string.Join(", ", dilation)}]");
    }
}
