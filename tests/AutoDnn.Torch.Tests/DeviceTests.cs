namespace AutoDnn.Torch.Tests;

/// <summary>Devices: parsing, CPU default, and an explicit error (never a silent fallback) where CUDA is absent.</summary>
public class DeviceTests
{
    [Theory]
    [InlineData("cpu", DeviceType.Cpu, 0)]
    [InlineData("cuda", DeviceType.Cuda, 0)]
    [InlineData("CUDA:3", DeviceType.Cuda, 3)]
    public void Parse_ReadsPyTorchSpelling(string text, DeviceType type, int index)
    {
        Assert.Equal(new Device(type, index), Device.Parse(text));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    public void Parse_RejectsOtherText(string text)
    {
        var e = Assert.Throws<FormatException>(() => Device.Parse(text));
        Assert.Contains(text, e.Message);
    }

    [Fact]
    public void Cuda_WhereAbsent_FailsNamingDeviceAndLibtorch_ElseWorks()
    {
        using var scope = LibTorch.NewScope();
        if (!LibTorch.CudaIsAvailable)
        {
            var e = Assert.Throws<TorchException>(() => Tensor.Zeros([2], DType.Float32, Device.Cuda(0)));
            Assert.Contains("cuda:0", e.Message);
            Assert.Contains(LibTorch.Version, e.Message);
            Assert.Throws<TorchException>(() => Tensor.Ones(2).To(Device.Cuda(0)));
        }
        else
        {
            var onGpu = Tensor.Ones(2).To(Device.Cuda(0));
            Assert.Equal(Device.Cuda(0), onGpu.Device);
            Assert.Equal(new float[] { 2, 2 }, (onGpu * 2).To(Device.Cpu).ToArray<float>());
            var e = Assert.Throws<TorchException>(() => Tensor.Ones(2).To(Device.Cuda(LibTorch.CudaDeviceCount)));
            Assert.Contains("only", e.Message);
        }
    }

    [Fact]
    public void Info_ReportsVersionAndThreads()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", LibTorch.Version);
        int before = LibTorch.Threads;
        try
        {
            LibTorch.Threads = 1;
            Assert.Equal(1, LibTorch.Threads);
        }
        finally
        {
            LibTorch.Threads = before;
        }
    }
}
