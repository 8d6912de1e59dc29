using System.Buffers.Binary;
using System.Text;

namespace AutoDnn.Torch.Serialization;

/// <summary>Writes the pickle (protocol 2) that <c>torch.save</c> writes for an OrderedDict of tensors.</summary>
internal static class PickleWriter
{
    /// <summary>data.pkl for entries (name, storage key, tensor): each tensor is rebuilt from its own contiguous storage.</summary>
    public static byte[] StateDict(IReadOnlyList<(string Name, string StorageKey, Tensor Tensor)> entries)
    {
        var o = new MemoryStream();
        o.Write([0x80, 2]);
        NewOrderedDict(o);
        if (entries.Count > 0)
        {
            o.WriteByte((byte)'(');
            foreach (var (name, key, tensor) in entries)
            {
                Str(o, name);
                Global(o, "torch._utils", "_rebuild_tensor_v2");
                o.WriteByte((byte)'(');
                // persistent id ('storage', torch.XStorage, key, 'cpu', numel)
                o.WriteByte((byte)'(');
                Str(o, "storage");
                Global(o, "torch", TensorBytes.StorageName(tensor.DType));
                Str(o, key);
                Str(o, "cpu");
                Int(o, tensor.NumEl);
                o.WriteByte((byte)'t');
                o.WriteByte((byte)'Q');
                Int(o, 0);
                long[] shape = tensor.Shape;
                Tuple(o, shape);
                Tuple(o, ContiguousStrides(shape));
                o.WriteByte(0x89); // requires_grad False
                NewOrderedDict(o); // backward hooks
                o.WriteByte((byte)'t');
                o.WriteByte((byte)'R');
            }
            o.WriteByte((byte)'u');
        }
        o.WriteByte((byte)'.');
        return o.ToArray();
    }

    private static long[] ContiguousStrides(long[] shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (int i = shape.Length - 1; i >= 0; i--) { strides[i] = s; s *= shape[i]; }
        return strides;
    }

    private static void NewOrderedDict(MemoryStream o)
    {
        Global(o, "collections", "OrderedDict");
        o.WriteByte((byte)')');
        o.WriteByte((byte)'R');
    }

    private static void Tuple(MemoryStream o, long[] values)
    {
        o.WriteByte((byte)'(');
        foreach (long v in values) Int(o, v);
        o.WriteByte((byte)'t');
    }

    private static void Global(MemoryStream o, string module, string name) =>
        o.Write(Encoding.ASCII.GetBytes($"c{module}\n{name}\n"));

    private static void Str(MemoryStream o, string s)
    {
        byte[] b = Encoding.UTF8.GetBytes(s);
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(len, b.Length);
        o.WriteByte((byte)'X');
        o.Write(len);
        o.Write(b);
    }

    private static void Int(MemoryStream o, long v)
    {
        Span<byte> b = stackalloc byte[8];
        if (v is >= int.MinValue and <= int.MaxValue)
        {
            BinaryPrimitives.WriteInt32LittleEndian(b, (int)v);
            o.WriteByte((byte)'J');
            o.Write(b[..4]);
            return;
        }
        BinaryPrimitives.WriteInt64LittleEndian(b, v);
        o.WriteByte(0x8a);
        o.WriteByte(8);
        o.Write(b);
    }
}
