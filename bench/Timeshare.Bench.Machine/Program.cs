using System.Diagnostics;
using Timeshare.Machine;
using Timeshare.Machine.Memory;
using Timeshare.Machine.Tests;
using static Timeshare.Machine.Tests.Asm;

// Bitwise CRC-32 over a 4 KiB buffer, repeated forever: a CPU-bound guest loop of loads,
// ALU ops and branches. Runs ~1e9 guest instructions in kernel-sized quanta and prints
// the rate. Usage: Timeshare.Bench.Machine [instructions] [quantum] [fp]
// With "fp" it instead runs a double-precision loop (FMA, add, mul, div) and reports its rate.
long total = args.Length > 0 ? long.Parse(args[0]) : 1_000_000_000;
long quantum = args.Length > 1 ? long.Parse(args[1]) : 10_000_000;
bool floatingPoint = args.Length > 2 && args[2] == "fp";

const ulong code = 0x1000, buffer = 0x10000, result = 0x20000;
const int length = 4096;
var memory = new PhysicalMemory(1 << 20);
var data = new byte[length];
new Random(42).NextBytes(data);
memory.Write(buffer, data);

// a0 buffer, a1 end, a4 polynomial, a5 result address, a2 crc
uint[] program =
[
    Lui(10, (int)(buffer >> 12)),         //  0 a0 = buffer
    Lui(11, (int)((buffer + length) >> 12)), // 4 a1 = end
    Lui(14, 0xEDB88),                     //  8 a4 = 0xEDB88000 (sign-extended)
    Addi(14, 14, 0x320),                  // 12 a4 = 0x...EDB88320
    Slli(14, 14, 32), Srli(14, 14, 32),   // 16,20 zero-extend
    Lui(15, (int)(result >> 12)),         // 24 a5 = result
    // outer: crc = ~0, p = buffer
    Addi(12, 0, -1),                      // 28
    Srli(12, 12, 32),                     // 32 crc = 0xFFFFFFFF
    Addi(5, 10, 0),                       // 36 t0 = p
    // byte loop
    Lbu(7, 5, 0),                         // 40 t2 = *p
    Xor(12, 12, 7),                       // 44
    Addi(29, 0, 8),                       // 48 t4 = 8
    // bit loop
    Andi(28, 12, 1),                      // 52 t3 = crc & 1
    Sub(28, 0, 28),                       // 56 t3 = -t3
    And(28, 28, 14),                      // 60 t3 &= poly
    Srli(12, 12, 1),                      // 64
    Xor(12, 12, 28),                      // 68
    Addi(29, 29, -1),                     // 72
    Bne(29, 0, -24),                      // 76 -> 52
    Addi(5, 5, 1),                        // 80 p++
    Bne(5, 11, -44),                      // 84 -> 40
    Xori(12, 12, -1),                     // 88
    Sw(12, 15, 0),                        // 92 store crc
    Jal(0, -68),                          // 96 -> 28
];
uint[] fpProgram =
[
    // f1 = 1.0000001, f2 = 0.5, f3 = 3.0 are set by the host; f0 accumulates.
    Fma(FmaddOpcode, 1, 0, 0, 1, 2, 7),   // f0 = f0 * f1 + f2
    Fadd(1, 4, 0, 3),                     // f4 = f0 + f3
    Fmul(1, 5, 4, 2),                     // f5 = f4 * f2
    Fdiv(1, 0, 5, 3),                     // f0 = f5 / f3
    Addi(5, 5, 1),
    Jal(0, -20),
];
if (floatingPoint)
    program = fpProgram;
for (int i = 0; i < program.Length; i++)
    memory.WriteUInt32(code + (ulong)(4 * i), program[i]);

var hart = new Hart(memory) { Pc = code };
hart.WriteFpRegister(1, BitConverter.DoubleToUInt64Bits(1.0000001));
hart.WriteFpRegister(2, BitConverter.DoubleToUInt64Bits(0.5));
hart.WriteFpRegister(3, BitConverter.DoubleToUInt64Bits(3.0));
hart.Run(50_000_000); // warm up the JIT

// Wall time and this thread's CPU time: on a busy machine the CPU-time rate is the steadier figure.
TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var watch = Stopwatch.StartNew();
long executed = 0;
while (executed < total)
{
    long before = hart.Instret;
    hart.Run(Math.Min(quantum, total - executed));
    executed += hart.Instret - before;
}
watch.Stop();
TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

uint expected = Timeshare.Bench.Machine.Crc32Shim.Compute(data);
uint actual = memory.ReadUInt32(result);
Console.WriteLine($"guest instructions: {executed:N0} in {watch.Elapsed.TotalSeconds:F3} s");
Console.WriteLine($"rate: {executed / watch.Elapsed.TotalSeconds / 1e6:F1} million instructions/second (wall clock)");
Console.WriteLine($"rate: {executed / cpu.TotalSeconds / 1e6:F1} million instructions/second (process CPU time {cpu.TotalSeconds:F3} s)");
if (floatingPoint)
    return 0;
Console.WriteLine($"crc32: guest 0x{actual:x8}, host 0x{expected:x8} {(actual == expected ? "OK" : "MISMATCH")}");
return actual == expected ? 0 : 1;
