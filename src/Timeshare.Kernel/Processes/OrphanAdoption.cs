namespace Timeshare.Kernel.Processes;

/// <summary>What the reaper (init, or the nearest subreaper ancestor) adopts when a process exits.</summary>
public enum OrphanAdoption
{
    /// <summary>The exiting process's children, as Unix does; grandchildren stay with their parents.</summary>
    Children,
    /// <summary>
    /// Every descendant, in preorder, each leaving its own parent: the whole
    /// subtree is flattened under the reaper. OSTEP's fork.py does this
    /// without -R.
    /// </summary>
    WholeSubtree,
}
