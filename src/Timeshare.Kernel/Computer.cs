using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Files;
using Timeshare.Kernel.Memory;
using Timeshare.Kernel.Processes;
using Timeshare.Kernel.Syscalls;
using Timeshare.Machine.Devices;

namespace Timeshare.Kernel;

/// <summary>
/// A whole computer for real programs: the RISC-V machine, the kernel, a disk
/// whose file system is mounted at / (procfs at /proc), the console, and the
/// Linux system calls joining them. A disk block that misses the kernel's
/// buffer cache costs the process that needed it a wait of the disk's latency.
/// </summary>
public sealed class Computer
{
    /// <exception cref="DiskImageError">The disk does not hold a valid file system.</exception>
    public Computer(KernelConfig config, Terminal terminal, Disk disk, ComputerOptions options)
    {
        Kernel = new Kernel(config);
        Cache = new BufferCache(disk, options.CacheBlocks);
        FileSystem = FileSystem.Mount(disk, Cache, () => Kernel.Clock.Now);
        Linux = new LinuxSyscalls(Kernel, new RiscvMachine(options.MemoryBytes), terminal, new SeededRandom(options.Seed), lazy: options.Lazy)
        {
            Environment = options.Environment,
            DiskCache = Cache,
            DiskLatency = options.DiskLatency,
        };
        Linux.Vfs.Mount("/", new DiskMount(FileSystem));
        Kernel.Api.ProcessLimit = options.ProcessLimit;
    }

    public Kernel Kernel { get; }
    public LinuxSyscalls Linux { get; }
    public FileSystem FileSystem { get; }
    public BufferCache Cache { get; }

    /// <summary>Starts the program at <paramref name="path"/> on the disk with <paramref name="args"/> (argv[0] included).</summary>
    /// <param name="asInit">As pid 1, the parent of orphans, whose exit ends the run; otherwise as a child of the kernel's init.</param>
    /// <exception cref="FileNotFoundException">No such program on the disk.</exception>
    /// <exception cref="Loading.ElfError">Not a runnable riscv64 executable.</exception>
    public Process Start(string path, IReadOnlyList<string> args, bool asInit = false)
    {
        var file = Linux.Vfs.ReadAll(Kernel.Api.Init, path) ?? throw new FileNotFoundException($"{path}: no such program on the disk");
        var program = Linux.Load(file, args, Linux.Environment);
        var name = ProcessCalls.NameOf(path);
        return asInit ? Linux.StartInit(name, program) : Linux.Spawn(name, program);
    }

    /// <summary>Writes every block the cache holds changed back to the disk.</summary>
    public void Sync() => Cache.Flush();
}

/// <summary>How to build a <see cref="Computer"/>.</summary>
public sealed record ComputerOptions
{
    public long Seed { get; init; }
    public bool Lazy { get; init; }
    public long MemoryBytes { get; init; } = RiscvMachine.DefaultMemory;
    /// <summary>Blocks the kernel's buffer cache holds.</summary>
    public int CacheBlocks { get; init; } = 1024;
    /// <summary>Cycles to read one block from the disk.</summary>
    public long DiskLatency { get; init; } = 100_000;
    /// <summary>The most live processes; fork fails with EAGAIN beyond it.</summary>
    public int ProcessLimit { get; init; } = 64;
    public IReadOnlyList<string> Environment { get; init; } = ["PATH=/bin", "HOME=/"];
}
