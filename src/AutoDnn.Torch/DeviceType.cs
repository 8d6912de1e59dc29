namespace AutoDnn.Torch;

/// <summary>Kinds of device; values equal libtorch's <c>c10::DeviceType</c>.</summary>
public enum DeviceType
{
    Cpu = 0,
    Cuda = 1,
}
