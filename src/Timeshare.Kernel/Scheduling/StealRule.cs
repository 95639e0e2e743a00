namespace Timeshare.Kernel.Scheduling;

/// <summary>Which processes a CPU may steal from another CPU's queue.</summary>
public enum StealRule
{
    /// <summary>Those whose affinity allows the stealing CPU.</summary>
    Affinity,

    /// <summary>
    /// OSTEP multi.py's check, kept for exact reproduction: a process with an
    /// affinity is stolen when the CPU number equals its declared length or
    /// its working-set size. (The reference writes `cpu in job`, which tests
    /// the CPU number against every field of the job record, not against the
    /// affinity list.) A stolen process may thus sit in the queue of a CPU it
    /// cannot run on, until stolen again.
    /// </summary>
    JobRecordQuirk,
}
