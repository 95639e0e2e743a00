using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Files;
using Timeshare.Kernel.Loading;
using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Signals;

namespace Timeshare.Kernel.Syscalls;

/// <summary>
/// The Linux riscv64 system call layer of real programs: a table from call
/// number to handler, the handlers grouped by subject (processes, files,
/// memory, clocks, the system). A handler's result goes to a0 (a negated
/// errno on failure); one that must sleep leaves the call to be tried again.
/// Simulated time: one cycle is one nanosecond. Randomness comes from the
/// seeded source, so runs repeat.
/// </summary>
public sealed class LinuxSyscalls
{
    /// <summary>The most one read or write copies at once; more is a short transfer, as Linux allows.</summary>
    public const int MaxTransfer = 1 << 20;

    private readonly SyscallHandler?[] _handlers = new SyscallHandler?[512];
    private readonly Syscall _call = new();

    /// <param name="programs">Finds an executable by absolute path for execve: its bytes, or null if there is none.</param>
    /// <param name="lazy">Load programs page by page on first touch.</param>
    public LinuxSyscalls(Kernel kernel, RiscvMachine machine, Terminal terminal, SeededRandom random,
        Func<string, byte[]?>? programs = null, bool lazy = false)
    {
        Kernel = kernel;
        Machine = machine;
        Terminal = terminal;
        Random = random;
        Programs = programs ?? (_ => null);
        Lazy = lazy;
        Vfs.Mount("/proc", new ProcFs(kernel.Table, kernel.Clock));
        Signals = new SignalDelivery(kernel);
        new ProcessCalls(this).Register();
        new FileCalls(this).Register();
        new PathCalls(this).Register();
        new MemoryCalls().Register(this);
        new ClockCalls(this).Register();
        new SystemCalls(this).Register();
        new SignalCalls(this).Register();
        kernel.Attach(this);
        kernel.Api.Exiting += Release;
    }

    public Kernel Kernel { get; }
    public ProcessApi Api => Kernel.Api;
    public RiscvMachine Machine { get; }
    public Terminal Terminal { get; }
    public SeededRandom Random { get; }
    public Func<string, byte[]?> Programs { get; }
    public bool Lazy { get; }
    /// <summary>The tree of files: procfs at /proc, and the disk at / once one is mounted.</summary>
    public Vfs Vfs { get; } = new();
    /// <summary>The disk's cache: its misses are the blocks a call had to wait for; null without a disk.</summary>
    public BufferCache? DiskCache { get; init; }
    /// <summary>Cycles the disk takes to read one block.</summary>
    public long DiskLatency { get; init; }
    /// <summary>The cache misses already charged to some process.</summary>
    private long _chargedMisses;
    public SignalDelivery Signals { get; }
    /// <summary>The environment a program started by the kernel gets.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    internal void Handle(SyscallNumber number, SyscallHandler handler) => _handlers[(int)number] = handler;

    /// <summary>Starts <paramref name="program"/> as a new process with fds 0, 1, 2 on the terminal.</summary>
    public Process Spawn(string name, HartExecutor program, long arrival = 0)
    {
        var p = Kernel.Spawn(name, program, arrival);
        p.Files = Terminal.OpenStandardFiles();
        return p;
    }

    /// <summary>Starts <paramref name="program"/> as init, pid 1: the first process, parent of orphans.</summary>
    public Process StartInit(string name, HartExecutor program)
    {
        var p = Api.StartInit(name, program);
        p.Files = Terminal.OpenStandardFiles();
        return p;
    }

    /// <summary>Builds a fresh program image: the ELF file loaded with its stack of arguments and environment.</summary>
    /// <exception cref="ElfError">Not a runnable riscv64 executable.</exception>
    /// <exception cref="OutOfMemoryError">Memory ran out.</exception>
    public HartExecutor Load(byte[] file, IReadOnlyList<string> args, IReadOnlyList<string> env) =>
        Exec.Prepare(Machine, file, args, env, Random, Lazy);

    /// <summary>Serves the call <paramref name="p"/> stopped on; false if the number is unknown (it got -ENOSYS).</summary>
    internal bool Serve(Process p, ISyscallContext context)
    {
        var number = context.Number;
        if (number >= (ulong)_handlers.Length || _handlers[number] is not { } handler)
        {
            context.Return(-Errno.NotImplemented);
            return false;
        }
        _call.Begin(p, context);
        Signals.BeginCall(p);
        var result = handler(_call);
        if (result != Syscall.NoReturn) context.Return(result);
        // Signals first: a disk wait begun after the call is not a sleep a signal may interrupt.
        Signals.EndCall(p);
        ChargeDisk(p);
        return true;
    }

    /// <summary>
    /// Blocks that missed the cache since the last charge were read for
    /// <paramref name="p"/> (only it ran since): it waits for the disk, a
    /// latency per block, while others run. Its call's result is ready when it wakes.
    /// </summary>
    internal void ChargeDisk(Process p)
    {
        if (DiskCache is null) return;
        var misses = DiskCache.Misses - _chargedMisses;
        _chargedMisses = DiskCache.Misses;
        if (misses > 0 && DiskLatency > 0 && p.State == ProcessState.Running)
            Api.Sleep(p, checked(misses * DiskLatency), Events.Cause.DiskRead);
    }

    /// <summary>The executable at <paramref name="path"/> as <paramref name="caller"/> names it: from the disk, or else from <see cref="Programs"/>.</summary>
    internal byte[]? ReadProgram(Process caller, string path) => Vfs.ReadAll(caller, path) ?? Programs(path);

    /// <summary>
    /// <paramref name="p"/> brought <paramref name="signal"/> on itself: a
    /// fault (forced: it kills even if blocked or ignored) or a write to a
    /// pipe with no reader (SIGPIPE, sent like any other, from itself).
    /// </summary>
    internal void Raise(Process p, int signal)
    {
        if ((Signal.Bit(signal) & Signal.Synchronous) != 0) Signals.Force(p, signal, ((HartExecutor)p.Executor).FaultAddress);
        else Signals.Send(p, signal, new SignalInfo(SignalInfo.User, p.Pid));
    }

    /// <summary>An exiting process lets go of its files and memory.</summary>
    private void Release(Process p)
    {
        p.Files?.CloseAll();
        if (p.Executor is HartExecutor program) program.Release();
    }
}
