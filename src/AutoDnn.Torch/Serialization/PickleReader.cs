using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace AutoDnn.Torch.Serialization;

/// <summary>
/// Unpickles the subset of Python's pickle that <c>torch.save</c> emits for dictionaries of tensors (protocols 2–4):
/// dicts and OrderedDicts, tuples, lists, numbers, strings, and tensors rebuilt from persistent storage ids.
/// </summary>
internal sealed class PickleReader(byte[] data, Func<string, byte[]> readRecord, string path)
{
    private static readonly object Mark = new();
    private readonly Stack<object?> stack = new();
    private readonly Dictionary<long, object?> memo = new();
    private readonly Dictionary<string, byte[]> records = new();
    private int pos;

    public object? Load()
    {
        while (true)
        {
            if (pos >= data.Length) throw Bad("the pickle ends without STOP");
            byte op = data[pos++];
            switch (op)
            {
                case 0x80: pos++; break; // PROTO
                case 0x95: pos += 8; break; // FRAME
                case (byte)'.': return stack.Pop(); // STOP
                case (byte)'(': stack.Push(Mark); break;
                case (byte)')': stack.Push(Array.Empty<object?>()); break;
                case (byte)'}': stack.Push(new PickleDict()); break;
                case (byte)']': stack.Push(new List<object?>()); break;
                case (byte)'N': stack.Push(null); break;
                case 0x88: stack.Push(true); break;
                case 0x89: stack.Push(false); break;
                case (byte)'J': stack.Push((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break;
                case (byte)'K': stack.Push((long)Take(1)[0]); break;
                case (byte)'M': stack.Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break;
                case 0x8a: stack.Push((long)new BigInteger(Take(Take(1)[0]), isUnsigned: false, isBigEndian: false)); break; // LONG1
                case (byte)'G': stack.Push(BinaryPrimitives.ReadDoubleBigEndian(Take(8))); break;
                case (byte)'X': stack.Push(Encoding.UTF8.GetString(Take(BinaryPrimitives.ReadInt32LittleEndian(Take(4))))); break;
                case 0x8c: stack.Push(Encoding.UTF8.GetString(Take(Take(1)[0]))); break; // SHORT_BINUNICODE
                case (byte)'T': stack.Push(Encoding.Latin1.GetString(Take(BinaryPrimitives.ReadInt32LittleEndian(Take(4))))); break;
                case (byte)'U': stack.Push(Encoding.Latin1.GetString(Take(Take(1)[0]))); break;
                case (byte)'t': stack.Push(PopToMark().ToArray()); break;
                case 0x85: stack.Push(new[] { stack.Pop() }); break;
                case 0x86: { var b = stack.Pop(); var a = stack.Pop(); stack.Push(new[] { a, b }); break; }
                case 0x87: { var c = stack.Pop(); var b = stack.Pop(); var a = stack.Pop(); stack.Push(new[] { a, b, c }); break; }
                case (byte)'q': memo[Take(1)[0]] = stack.Peek(); break; // BINPUT
                case (byte)'r': memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))] = stack.Peek(); break;
                case 0x94: memo[memo.Count] = stack.Peek(); break; // MEMOIZE
                case (byte)'h': stack.Push(Memo(Take(1)[0])); break; // BINGET
                case (byte)'j': stack.Push(Memo(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))); break;
                case (byte)'c': stack.Push(new PickleGlobal(Line(), Line())); break; // GLOBAL
                case 0x93: { var name = (string)stack.Pop()!; stack.Push(new PickleGlobal((string)stack.Pop()!, name)); break; } // STACK_GLOBAL
                case (byte)'R': { var args = (object?[])stack.Pop()!; stack.Push(Reduce(stack.Pop(), args)); break; }
                case 0x81: { var args = (object?[])stack.Pop()!; stack.Push(Reduce(stack.Pop(), args)); break; } // NEWOBJ
                case (byte)'b': stack.Pop(); break; // BUILD: OrderedDict's _metadata attribute is not needed
                case (byte)'Q': stack.Push(PersistentLoad(stack.Pop())); break; // BINPERSID
                case (byte)'s': { var v = stack.Pop(); var k = stack.Pop(); AsDict(stack.Peek()).Set(k, v); break; }
                case (byte)'u':
                    {
                        var items = PopToMark();
                        PickleDict d = AsDict(stack.Peek());
                        for (int i = 0; i + 1 < items.Count; i += 2) d.Set(items[i], items[i + 1]);
                        break;
                    }
                case (byte)'a': { var v = stack.Pop(); AsList(stack.Peek()).Add(v); break; }
                case (byte)'e': { var items = PopToMark(); AsList(stack.Peek()).AddRange(items); break; }
                default: throw Bad($"unsupported pickle opcode 0x{op:x2} at byte {pos - 1}");
            }
        }
    }

    /// <summary>A short description of an unpickled value for error messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "None",
        Tensor t => t.ToString(),
        PickleDict => "dict",
        object?[] => "tuple",
        List<object?> => "list",
        _ => value.GetType().Name,
    };

    private object? Reduce(object? callable, object?[] args)
    {
        if (callable is not PickleGlobal g) throw Bad($"cannot call a {Describe(callable)}");
        switch (g.ToString())
        {
            case "collections.OrderedDict":
            case "builtins.dict":
                return new PickleDict();
            case "torch._utils._rebuild_tensor_v2":
            case "torch._utils._rebuild_tensor":
                {
                    var storage = args[0] as StorageRef ?? throw Bad("a tensor without storage");
                    long offset = Convert.ToInt64(args[1]);
                    long[] size = ((object?[])args[2]!).Select(Convert.ToInt64).ToArray();
                    long[] stride = ((object?[])args[3]!).Select(Convert.ToInt64).ToArray();
                    if (!records.TryGetValue(storage.Key, out byte[]? bytes)) records[storage.Key] = bytes = readRecord(storage.Key);
                    return TensorBytes.ToTensor(bytes, storage.DType, offset, size, stride, $"{path} (storage {storage.Key})");
                }
            case "torch._utils._rebuild_parameter":
                return args[0];
            default:
                throw Bad($"unsupported object {g} (only dictionaries of tensors can be read)");
        }
    }

    private StorageRef PersistentLoad(object? id)
    {
        if (id is not object?[] { Length: 5 } t || t[0] is not "storage" || t[1] is not PickleGlobal type)
            throw Bad("unexpected persistent id (not a tensor storage)");
        return new StorageRef(Convert.ToString(t[2], System.Globalization.CultureInfo.InvariantCulture)!, TensorBytes.DTypeOfStorage(type.Name, path), Convert.ToInt64(t[4]));
    }

    private List<object?> PopToMark()
    {
        var items = new List<object?>();
        while (true)
        {
            if (stack.Count == 0) throw Bad("MARK missing");
            object? top = stack.Pop();
            if (ReferenceEquals(top, Mark)) break;
            items.Add(top);
        }
        items.Reverse();
        return items;
    }

    private object? Memo(long key) => memo.TryGetValue(key, out object? v) ? v : throw Bad($"memo entry {key} missing");

    private PickleDict AsDict(object? o) => o as PickleDict ?? throw Bad($"SETITEM on a {Describe(o)}");

    private List<object?> AsList(object? o) => o as List<object?> ?? throw Bad($"APPEND on a {Describe(o)}");

    private ReadOnlySpan<byte> TakeSpan(int n)
    {
        if (n < 0 || pos + n > data.Length) throw Bad("truncated pickle");
        var s = new ReadOnlySpan<byte>(data, pos, n);
        pos += n;
        return s;
    }

    private byte[] Take(int n) => TakeSpan(n).ToArray();

    private string Line()
    {
        int end = Array.IndexOf(data, (byte)'\n', pos);
        if (end < 0) throw Bad("truncated GLOBAL");
        string s = Encoding.ASCII.GetString(data, pos, end - pos);
        pos = end + 1;
        return s;
    }

    private InvalidDataException Bad(string what) => new($"'{path}' data.pkl: {what}");
}
