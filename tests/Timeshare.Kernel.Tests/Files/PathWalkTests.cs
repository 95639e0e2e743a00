using Timeshare.Kernel.Files;
using Timeshare.Kernel.Syscalls;
using static Timeshare.Kernel.Tests.Files.TestDisk;

namespace Timeshare.Kernel.Tests.Files;

public class PathWalkTests
{
    private readonly TestDisk _t = new();
    private readonly int _usr;
    private readonly int _bin;
    private readonly int _ls;

    public PathWalkTests()
    {
        _usr = _t.Directory("/usr");
        _bin = _t.Directory("/usr/bin");
        _ls = _t.File("/usr/bin/ls", "elf");
    }

    [Theory]
    [InlineData("/", "root")]
    [InlineData("/usr/bin/ls", "ls")]
    [InlineData("//usr///bin//ls", "ls")]
    [InlineData("/usr/bin/", "bin")]
    [InlineData("/usr/bin//", "bin")]
    [InlineData("/usr/./bin/../bin/ls", "ls")]
    [InlineData("/..", "root")]
    [InlineData("/../../usr", "usr")]
    [InlineData("bin/ls", "ls")]
    [InlineData(".", "usr")]
    [InlineData("..", "root")]
    [InlineData("./bin/.", "bin")]
    [InlineData("../usr/bin", "bin")]
    public void A_path_resolves_from_the_root_or_the_working_directory(string path, string expected)
    {
        var inodes = new Dictionary<string, int> { ["root"] = Root, ["usr"] = _usr, ["bin"] = _bin, ["ls"] = _ls };
        Assert.Equal(inodes[expected], _t.Fs.Resolve(path, _usr));
    }

    [Theory]
    [InlineData("", Errno.NoEntry)]
    [InlineData("/nope", Errno.NoEntry)]
    [InlineData("/usr/nope/ls", Errno.NoEntry)]
    [InlineData("/usr/bin/ls/", Errno.NotDirectory)]
    [InlineData("/usr/bin/ls/x", Errno.NotDirectory)]
    [InlineData("/usr/bin/ls/..", Errno.NotDirectory)]
    public void A_bad_path_fails_as_on_Linux(string path, long errno)
    {
        Assert.Equal(Err(errno), _t.Fs.Resolve(path, Root));
    }

    [Fact]
    public void A_component_or_a_path_too_long_fails_with_ENAMETOOLONG()
    {
        var name = new string('a', DirectoryEntry.MaxNameLength + 1);
        Assert.Equal(Err(Errno.NameTooLong), _t.Fs.Resolve("/" + name, Root));
        Assert.Equal(Err(Errno.NameTooLong), _t.Fs.Resolve("/usr/" + name + "/x", Root));
        var deep = string.Concat(Enumerable.Repeat("./", FileSystem.MaxPathLength / 2));
        Assert.Equal(Err(Errno.NameTooLong), _t.Fs.Resolve(deep, Root));
        Assert.Equal(Root, _t.Fs.Resolve(deep[..^4], Root));
        Assert.Equal(Err(Errno.NameTooLong), _t.Fs.ResolveParent("/usr/" + name, Root, out _));
    }

    [Theory]
    [InlineData("/usr/bin/new", "usr/bin", "new")]
    [InlineData("new", "usr", "new")]
    [InlineData("bin/new/", "usr/bin", "new")]
    [InlineData("/new", "root", "new")]
    [InlineData("//new", "root", "new")]
    [InlineData("/", "root", ".")]
    [InlineData("///", "root", ".")]
    [InlineData("/usr/bin/..", "usr/bin", "..")]
    public void The_parent_of_a_path_is_the_directory_to_hold_its_last_name(string path, string dir, string name)
    {
        var inodes = new Dictionary<string, int> { ["root"] = Root, ["usr"] = _usr, ["usr/bin"] = _bin };
        Assert.Equal(inodes[dir], _t.Fs.ResolveParent(path, _usr, out var last));
        Assert.Equal(name, last);
    }

    [Theory]
    [InlineData("", Errno.NoEntry)]
    [InlineData("/nope/new", Errno.NoEntry)]
    [InlineData("/usr/bin/ls/new", Errno.NotDirectory)]
    public void The_parent_of_a_bad_path_fails(string path, long errno)
    {
        Assert.Equal(Err(errno), _t.Fs.ResolveParent(path, Root, out _));
    }

    [Fact]
    public void A_name_relative_to_a_file_fails_with_ENOTDIR()
    {
        Assert.Equal(Err(Errno.NotDirectory), _t.Fs.ResolveParent("new", _ls, out _));
        Assert.Equal(Err(Errno.NotDirectory), _t.Fs.Resolve("x", _ls));
    }
}
