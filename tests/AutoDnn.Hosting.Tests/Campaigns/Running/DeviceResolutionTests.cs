using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Torch;

namespace AutoDnn.Hosting.Tests.Campaigns.Running;

/// <summary>resources.devices against the CUDA devices libtorch sees: checked before any trial runs.</summary>
public sealed class DeviceResolutionTests
{
    private static readonly SourcePosition Where = new("c.yaml", 9, 14);

    [Fact]
    public void Auto_is_every_cuda_device_or_else_the_cpu()
    {
        Assert.Equal([Device.Cpu], CampaignPlanner.ResolveDevices(new ResourcesSpec(), cuda: 0, "1.13.1"));
        Assert.Equal([Device.Cuda(0), Device.Cuda(1)], CampaignPlanner.ResolveDevices(new ResourcesSpec(), cuda: 2, "2.11.0"));
    }

    [Fact]
    public void A_cuda_device_that_is_not_there_is_an_error_at_devices_naming_what_is()
    {
        var none = Assert.Throws<CampaignValidationException>(() =>
            CampaignPlanner.ResolveDevices(Resources(["cuda:0"]), cuda: 0, "1.13.1"));
        Assert.Equal(
            "c.yaml:9:14: resources.devices: cuda:0 is not here: libtorch 1.13.1 here sees no CUDA device; write devices: cpu or auto instead",
            Assert.Single(none.Errors).ToString());

        var seven = Assert.Throws<CampaignValidationException>(() =>
            CampaignPlanner.ResolveDevices(Resources(["cuda:7"]), cuda: 1, "2.11.0"));
        Assert.Equal(
            "c.yaml:9:14: resources.devices: cuda:7 is not here: this machine has 1 CUDA device(s) (cuda:0..cuda:0) with libtorch 2.11.0; write one of those or auto instead",
            Assert.Single(seven.Errors).ToString());
    }

    [Fact]
    public void Without_workers_written_each_cuda_device_gets_trials_per_device_workers()
    {
        Assert.Equal(4, CampaignPlanner.DefaultWorkers([Device.Cuda(0), Device.Cuda(1)], trialsPerDevice: 2));
        Assert.Equal(2, CampaignPlanner.DefaultWorkers([Device.Cpu, Device.Cuda(0)], trialsPerDevice: 2));
        Assert.Equal(1, CampaignPlanner.DefaultWorkers([Device.Cpu], trialsPerDevice: 3));
    }

    private static ResourcesSpec Resources(IReadOnlyList<string> devices) =>
        new() { Devices = devices, TrialsPerDevice = 2, DevicesPosition = Where };
}
