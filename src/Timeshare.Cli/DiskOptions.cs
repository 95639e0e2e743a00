using System.CommandLine;

namespace Timeshare.Cli;

/// <summary>The options of runs on the simulated disk: `run /bin/PROG` and `boot`.</summary>
public static class DiskOptions
{
    public static readonly Option<DirectoryInfo?> Root = new("--root")
    {
        Description = "Build the simulated disk from this host folder (programs in DIR/bin). Default: the built-in userland.",
    };
    public static readonly Option<FileInfo?> Image = new("--disk")
    {
        Description = "Boot from a saved disk image instead (see --save-disk).",
    };
    public static readonly Option<DirectoryInfo?> Export = new("--export")
    {
        Description = "After the run, copy the disk's whole tree to this host folder: what programs wrote survives.",
    };
    public static readonly Option<FileInfo?> SaveDisk = new("--save-disk")
    {
        Description = "After the run, save the disk image to FILE (boot it again with --disk FILE).",
    };
    public static readonly Option<long> DiskLatency = new("--disk-latency")
    {
        Description = "Cycles the disk takes per block that misses the kernel's buffer cache; the reader blocks meanwhile.",
        DefaultValueFactory = _ => 100_000,
    };
    public static readonly Option<int> MaxProcesses = new("--max-processes")
    {
        Description = "The most processes alive at once; fork fails with EAGAIN beyond it.",
        DefaultValueFactory = _ => 64,
    };

    public static void AddTo(Command command)
    {
        foreach (var option in new Option[] { Root, Image, Export, SaveDisk, DiskLatency, MaxProcesses })
            command.Add(option);
    }
}
