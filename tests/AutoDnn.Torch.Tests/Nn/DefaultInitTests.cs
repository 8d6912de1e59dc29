using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Tests.Support;

namespace AutoDnn.Torch.Tests.Nn;

/// <summary>Default initialisation draws the same numbers as PyTorch after the same seed.</summary>
[Collection(GlobalRandomCollection.Name)]
public class DefaultInitTests
{
    [Fact]
    public void LinearAndLstmDrawLikePyTorch()
    {
        // python3-torch 1.13: torch.manual_seed(0); l = nn.Linear(3, 2); r = nn.LSTM(2, 3)
        // gives l.weight[0, 0] = -0.004322517663, l.bias[1] = 0.457774937153, r.weight_hh_l0[11, 2] = 0.1337747723.
        LibTorch.ManualSeed(0);
        using var fc = new Linear(3, 2);
        using var lstm = new Lstm(2, 3);
        using var scope = LibTorch.NewScope();
        Assert.Equal(-0.004322517663, fc.Weight[0, 0].Item(), 1e-9);
        Assert.Equal(0.457774937153, fc.Bias![1].Item(), 1e-9);
        Assert.Equal(0.1337747723, lstm.NamedParameters().Single(p => p.Name == "weight_hh_l0").Parameter[11, 2].Item(), 1e-9);
    }
}
