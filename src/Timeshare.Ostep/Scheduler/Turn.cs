namespace Timeshare.Ostep.Scheduler;

/// <summary>One stretch of a job on the CPU; <paramref name="Finished"/> when the job ended in it.</summary>
public readonly record struct Turn(int Job, bool Finished);
