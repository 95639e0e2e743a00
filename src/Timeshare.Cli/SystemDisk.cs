using System.Reflection;
using Timeshare.Kernel.Files;
using Timeshare.Machine.Devices;

namespace Timeshare.Cli;

/// <summary>
/// The simulated disk a run starts from: a host folder copied in, a saved
/// image, or the built-in userland (/bin with every program, /tmp, /etc/motd).
/// </summary>
public static class SystemDisk
{
    /// <summary>Blocks added to the content's size, so programs have room to write.</summary>
    private const int FreeBlocks = 8192;

    /// <exception cref="DiskImageError">A saved image is not a valid Timeshare disk.</exception>
    public static Disk Open(DirectoryInfo? root, FileInfo? image)
    {
        if (root is not null && image is not null) throw new UsageError("--root and --disk both name a disk: give one");
        if (image is not null)
        {
            if (!image.Exists) throw new UsageError($"--disk: {image.FullName}: no such file");
            using var stream = image.OpenRead();
            return Disk.Load(stream);
        }
        if (root is not null) return root.Exists ? FromFolder(root.FullName) : throw new UsageError($"--root: {root.FullName}: no such folder");
        var folder = Directory.CreateTempSubdirectory("timeshare-disk-");
        try
        {
            WriteBuiltIn(folder.FullName);
            return FromFolder(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Disk FromFolder(string folder)
    {
        var fs = HostFolder.Build(folder, FreeBlocks);
        fs.Flush();
        return fs.Cache.Disk;
    }

    /// <summary>The built-in userland, embedded in this program, laid out in <paramref name="folder"/>.</summary>
    private static void WriteBuiltIn(string folder)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "tmp"));
        Directory.CreateDirectory(Path.Combine(folder, "etc"));
        File.WriteAllText(Path.Combine(folder, "etc", "motd"), "Welcome to Timeshare: every process here runs on a simulated RISC-V CPU.\n");
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(bin, name["bin/".Length..]);
            using (var resource = assembly.GetManifestResourceStream(name)!)
            using (var file = File.Create(path))
                resource.CopyTo(file);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0x1ed);
        }
    }
}
