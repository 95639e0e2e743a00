namespace Timeshare.Tests;

/// <summary>
/// Where the repository is, seen from a test: the folder above the test
/// binary that holds Timeshare.slnx. Shared by the test projects (linked).
/// </summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the repository; "..", "shared" reaches the shared/ folder beside it.</summary>
    public static string PathOf(params string[] parts) => Path.GetFullPath(Path.Combine([Root, .. parts]));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Timeshare.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
