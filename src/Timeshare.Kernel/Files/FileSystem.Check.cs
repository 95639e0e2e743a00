namespace Timeshare.Kernel.Files;

/// <summary>
/// An fsck: walks the tree from the root and compares what it reaches with the inodes and
/// both bitmaps. It reads, never repairs.
/// </summary>
public sealed partial class FileSystem
{
    /// <summary>Every inconsistency found, one line each; empty when the file system is consistent.</summary>
    public List<string> Check()
    {
        var problems = new List<string>();
        var names = WalkTree(problems);
        var owners = CheckInodes(names, problems);
        CheckDataBitmap(owners, problems);
        return problems;
    }

    /// <summary>Walks every directory reachable from the root; returns how many entries name each inode reached.</summary>
    private Dictionary<int, int> WalkTree(List<string> problems)
    {
        var names = new Dictionary<int, int> { [RootInode] = 0 };
        var parents = new Dictionary<int, int> { [RootInode] = RootInode };
        var pending = new Queue<int>([RootInode]);
        while (pending.TryDequeue(out var dir))
        {
            if (ReadDirectory(dir, out var entries) < 0)
            {
                problems.Add($"directory {dir}: unreadable");
                continue;
            }
            foreach (var entry in entries)
            {
                names[entry.Inode] = names.GetValueOrDefault(entry.Inode) + 1;
                var expected = entry.Name switch { "." => dir, ".." => parents[dir], _ => entry.Inode };
                if (entry.Inode != expected) problems.Add($"directory {dir}: '{entry.Name}' is inode {entry.Inode}, not {expected}");
                if (IsDot(entry.Name)) continue;
                var type = TypeOf(entry.Inode);
                if (type == InodeType.None) problems.Add($"directory {dir}: '{entry.Name}' names free or corrupt inode {entry.Inode}");
                if (type != InodeType.Directory) continue;
                if (!parents.TryAdd(entry.Inode, dir)) problems.Add($"directory {entry.Inode} has a second name '{entry.Name}' in {dir}");
                else pending.Enqueue(entry.Inode);
            }
        }
        return names;
    }

    /// <summary>Checks every inode against the bitmap, the tree and its link count; returns the inode owning each block in use.</summary>
    private Dictionary<int, int> CheckInodes(Dictionary<int, int> names, List<string> problems)
    {
        if (!_inodes.Used.IsSet(0)) problems.Add("inode 0 is not reserved in the inode bitmap");
        var owners = new Dictionary<int, int>();
        for (var number = 1; number < InodeCount; number++)
        {
            var inode = _inodes.LoadRaw(number);
            var allocated = inode.Type != InodeType.None;
            if (allocated != _inodes.Used.IsSet(number)) problems.Add($"inode {number}: {(allocated ? "in use" : "free")} but the bitmap disagrees");
            if (!allocated) continue;
            if (!inode.IsSane(_layout))
            {
                problems.Add($"inode {number}: corrupt");
                continue;
            }
            var reached = names.TryGetValue(number, out var count);
            if (!reached && !IsRetained(number)) problems.Add($"inode {number}: in use but unreachable");
            if (inode.Links != count) problems.Add($"inode {number}: {inode.Links} links but {count} names");
            ClaimBlocks(inode, owners, problems);
        }
        return owners;
    }

    private void ClaimBlocks(Inode inode, Dictionary<int, int> owners, List<string> problems)
    {
        if (_blocks.Blocks(inode) is not { } blocks)
        {
            problems.Add($"inode {inode.Number}: corrupt indirect block");
            return;
        }
        foreach (var block in blocks)
            if (!owners.TryAdd(block, inode.Number)) problems.Add($"block {block}: used by inodes {owners[block]} and {inode.Number}");
    }

    private void CheckDataBitmap(Dictionary<int, int> owners, List<string> problems)
    {
        for (var block = 0; block < BlockCount; block++)
        {
            var used = block < _layout.DataStart || owners.ContainsKey(block);
            if (used != _blocks.Used.IsSet(block)) problems.Add($"block {block}: {(used ? "in use" : "free")} but the bitmap disagrees");
        }
    }
}
