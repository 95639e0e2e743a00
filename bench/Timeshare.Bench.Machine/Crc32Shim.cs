namespace Timeshare.Bench.Machine;

/// <summary>Reference CRC-32 (IEEE, reflected) computed on the host to check the guest's answer.</summary>
internal static class Crc32Shim
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = ~0u;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }
}
