using System.Buffers.Binary;
using System.Text;
using Timeshare.Kernel.Loading;

namespace Timeshare.Kernel.Tests.Loading;

public class InitialStackTests
{
    private const ulong Top = 0x3f_ffff_f000;

    [Theory]
    [InlineData(new[] { "prog" }, new string[0])]
    [InlineData(new[] { "args", "one", "two words", "" }, new[] { "HOME=/", "PATH=/bin" })]
    [InlineData(new[] { "odd" }, new[] { "A=1" })]
    public void The_stack_reads_back_as_argc_argv_envp_auxv(string[] args, string[] env)
    {
        var random = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var stack = InitialStack.Build(Top, args, env, [(AuxKey.PageSize, 4096), (AuxKey.Entry, 0x10100)], random, "/bin/prog");
        Assert.Equal(0UL, stack.StackPointer % 16);
        Assert.Equal(Top, stack.StackPointer + (ulong)stack.Image.Length);
        var reader = new Reader(stack);
        var at = stack.StackPointer;
        Assert.Equal((ulong)args.Length, reader.Word(ref at));
        Assert.Equal(args, args.Select(_ => reader.String(reader.Word(ref at))));
        Assert.Equal(0UL, reader.Word(ref at));
        Assert.Equal(env, env.Select(_ => reader.String(reader.Word(ref at))));
        Assert.Equal(0UL, reader.Word(ref at));
        var aux = new Dictionary<AuxKey, ulong>();
        for (var key = (AuxKey)reader.Word(ref at); key != AuxKey.Null; key = (AuxKey)reader.Word(ref at)) aux[key] = reader.Word(ref at);
        Assert.Equal(4096UL, aux[AuxKey.PageSize]);
        Assert.Equal(0x10100UL, aux[AuxKey.Entry]);
        Assert.Equal(random, reader.Bytes(aux[AuxKey.Random], 16));
        Assert.Equal("/bin/prog", reader.String(aux[AuxKey.ExecFileName]));
    }

    private sealed class Reader(InitialStack stack)
    {
        public ulong Word(ref ulong address)
        {
            var w = BinaryPrimitives.ReadUInt64LittleEndian(stack.Image.AsSpan(Index(address)));
            address += 8;
            return w;
        }

        public string String(ulong address)
        {
            var start = Index(address);
            var end = Array.IndexOf(stack.Image, (byte)0, start);
            return Encoding.UTF8.GetString(stack.Image, start, end - start);
        }

        public byte[] Bytes(ulong address, int count) => stack.Image.AsSpan(Index(address), count).ToArray();

        private int Index(ulong address) => checked((int)(address - stack.StackPointer));
    }
}
