#!/usr/bin/env python3
"""Regenerates the CPython 3.11 reference vectors used by the Python-compat tests.

Run from anywhere with CPython 3.11:  python3 vectors.py [GOLDEN_DIR]
Writes Vectors/*.json next to this script. The tests never run Python.
"""
import json, math, optparse, os, random, struct, sys

assert sys.version_info[:2] == (3, 11), "vectors must come from CPython 3.11"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Vectors")
SRC_NONPRINTABLE = os.path.join(HERE, "..", "..", "..", "src", "Timeshare.Ostep", "Python", "NonPrintable.txt")
GOLDEN = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/ostep-golden"
rng = random.Random(20261124)  # drives vector selection only


def big_str(n):
    """str(n) for writing vectors, past CPython's 4300-digit guard (which the cases themselves keep)."""
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(n)
    finally:
        sys.set_int_max_str_digits(old)


def bits(x):
    return struct.pack(">d", x).hex()


def dump(name, obj):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=True, separators=(",", ":"))
        f.write("\n")


# ---------------------------------------------------------------- random
def random_vectors():
    seeds = [0, 1, 42, -5, 2**40 + 3, int("1234567890" * 10), 2**32, 2**32 - 1, 2**64 + 1, -(2**100)]
    out = []
    for s in seeds:
        r = random.Random(s)
        case = {"seed": str(s)}
        case["random"] = [bits(r.random()) for _ in range(25)]
        r.seed(s)
        case["bits"] = [[k, str(r.getrandbits(k))] for k in [0, 1, 5, 31, 32, 33, 53, 63, 64, 65, 100, 200, 32, 7]]
        r.seed(s)
        case["below"] = [[n, r._randbelow(n)] for n in [1, 2, 3, 5, 7, 10, 100, 1000, 2**31, 2**32, 2**32 + 1, 2**53 + 5, 2**62, 2**63 - 1] * 3]
        r.seed(s)
        case["belowBig"] = [[str(n), str(r._randbelow(n))] for n in [2**64, 2**64 + 7, 10**30, 3**100]]
        r.seed(s)
        case["randrange"] = []
        for args in [(10,), (1, 7), (-5, 5), (0, 100, 7), (100, 0, -3), (3, 4), (10, 20, 2), (-20, -10, 3)] * 2:
            case["randrange"].append([list(args), r.randrange(*args)])
        r.seed(s)
        case["randint"] = [[a, b, r.randint(a, b)] for a, b in [(1, 6), (0, 0), (-3, 3), (0, 2**40), (5, 100)] * 3]
        r.seed(s)
        case["choice"] = [r.choice(list("abcde")) for _ in range(20)]
        r.seed(s)
        shuffles = []
        for n in [0, 1, 2, 3, 4, 10, 10, 33]:
            xs = list(range(n)); r.shuffle(xs); shuffles.append(xs)
        case["shuffle"] = shuffles
        r.seed(s)
        # interleaved use, the way multi.py mixes random(), shuffle() and choice()
        mix = []
        for i in range(30):
            k = i % 3
            if k == 0:
                mix.append(["random", bits(r.random())])
            elif k == 1:
                xs = list(range(4)); r.shuffle(xs); mix.append(["shuffle4", xs])
            else:
                mix.append(["choice3", r.choice([0, 1, 2])])
        case["mix"] = mix
        out.append(case)
    # A seed with version=1 (what the simulators' random_seed() tries first) behaves the same for ints.
    a = random.Random(); a.seed(7, version=1); b = random.Random(7)
    assert [a.random() for _ in range(5)] == [b.random() for _ in range(5)]
    dump("random.json", out)


# ---------------------------------------------------------------- number parsing
def num_vectors():
    ints = ["0", "5", "-5", "+3", " 7 ", "\t8\n", "010", "08", "0o17", "0O17", "0x1f", "0X1F", "0x", "0b101", "0B11",
            "0b", "0b_1", "0b0b1", "0x_1f", "0_10", "00", "000", "-010", "+010", "-0x10", " 010", "1_000", "1__000",
            "_1", "1_", "", " ", "abc", "1.5", "1e3", "٣", "١٠", "０x１", "0٣", "\u00a05\u2003", "\x1c5", "5\x1f",
            "9" * 30, "-" + "9" * 30, "0x" + "f" * 40, "0" * 20 + "7", "1" * 4300, "1" * 4301, "0" * 4300 + "1",
            "0x" + "f" * 4000, "--5", "+-5", "- 5", "5 5", "0x1g", "12a", "0o8", "0b2", "𝟗", "0\u2003", "1\x00",
            "0xf_f", "0x_", "0_", "07_7", "99999999999999999999999", "-0", "+0", "0e0"]
    floats = ["0", "1", "-1", "1.5", " 2.5 ", "1e3", "1E-3", ".5", "5.", ".", "e3", "1e", "1e+", "inf", "-inf", "+inf",
              "Infinity", "-INFINITY", "iNf", "nan", "-nan", "NaN", "+nan", "nan(1)", "infin", "1_0.5", "1__0",
              "1_.5", "1._5", "_1", "1_", "1e1_0", "1_e5", "-0.0", "0.1", "1e400", "-1e400", "1e-400", "4.9e-324",
              "2.4703282292062328e-324", "2.4703282292062327e-324", "0x1p3", "1.7976931348623157e308",
              "1.7976931348623159e308", "", " ", "abc", "1,5", "٣.٥", "\u00a01.5\u3000", "\x1c1", "1\x1f",
              "0.1000000000000000055511151231257827021181583404541015625", "2.675", "1" * 400, "0." + "0" * 400 + "1",
              "1e99999999999999999999", "1e-99999999999999999999", "00012.5000", "+.5e-2", "-.e1", "1.5e3.5",
              "1e3 ", "\t-7.25e-1\n", "1\x00", "𝟗.5", "9007199254740993", "123456789012345678901234567890"]
    out = {"int": [], "optint": [], "float": []}
    for s in ints:
        for kind, fn in [("int", int), ("optint", lambda v: optparse._parse_num(v, int))]:
            try:
                v = fn(s)
                out[kind].append([s, big_str(v)])
            except ValueError:
                out[kind].append([s, None])
    for s in floats:
        try:
            out["float"].append([s, bits(float(s))])
        except ValueError:
            out["float"].append([s, None])
    dump("numbers.json", out)


# ---------------------------------------------------------------- formatting
SPECIAL_FLOATS = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 0.045, 1e16, 1e15, 9999999999999998.0,
                  1234567890123456.0, 12345678901234567.0, 1e-4, 1e-5, 1e-7, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 5.0,
                  123.456, -123.456, 1e22, 1e23, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                  float("inf"), float("-inf"), float("nan"), 0.05, 0.15, 0.25, 0.35, 99.995, 99.99499999999999,
                  33.33333333333333, 66.66666666666667, 14.285714285714286, 1e100, 123456789.0, 0.000123456, 9.5, 10.5,
                  999999.5, 9999995.0, 0.9999995, 1e-10, 4.35, 4.45, 2.0 ** 53, 2.0 ** 70, 2.0 ** -25, 2.0 ** -1074, 2.0 ** 1023, -1e-300, 7.0, 12.0]


def float_pool(powers_of_two=False):
    xs = list(SPECIAL_FLOATS)
    for _ in range(150):
        xs.append(struct.unpack(">d", rng.getrandbits(64).to_bytes(8, "big"))[0])
    for _ in range(150):
        xs.append(round(rng.uniform(-1000, 1000), rng.randint(0, 6)))
    for _ in range(100):
        xs.append(rng.randint(0, 10 ** 6) / rng.choice([8, 16, 100, 1000, 3, 7]))
    for e in range(-30, 31):
        xs.append(10.0 ** e); xs.append(float("1e%d" % e)); xs.append(2.0 ** e)
    for e in range(-1074, 1024, 7 if powers_of_two else 10 ** 6):  # powers of two: the uneven rounding gap below them trips shortest-digit code
        xs.append(2.0 ** e)
    return [x for x in xs if not (isinstance(x, float) and math.isnan(x))] + [float("nan")]


def arg_json(v):
    if v is None:
        return {"t": "none"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int):
        return {"t": "int", "v": big_str(v)}
    if isinstance(v, float):
        return {"t": "float", "v": bits(v)}
    if isinstance(v, str):
        if any(0xD800 <= ord(ch) <= 0xDFFF for ch in v):  # JSON readers reject lone surrogates: send UTF-16 units
            units = v.encode("utf-16-le", "surrogatepass")
            return {"t": "utf16", "v": [int.from_bytes(units[i:i + 2], "little") for i in range(0, len(units), 2)]}
        return {"t": "str", "v": v}
    if isinstance(v, list):
        return {"t": "list", "v": [arg_json(x) for x in v]}
    raise TypeError(v)


def fmt_case(fmt, args):
    try:
        return {"f": fmt, "a": [arg_json(a) for a in args], "o": fmt % tuple(args)}
    except (TypeError, ValueError, OverflowError) as e:
        return {"f": fmt, "a": [arg_json(a) for a in args], "e": type(e).__name__}


def format_vectors():
    floats = float_pool()
    ints = [0, 1, -1, 7, 42, -42, 255, -255, 1000000, 2 ** 31, -(2 ** 63), 2 ** 70, -(3 ** 50), True, False]
    strs = ["", "a", "hello", "Time", "RUN:cpu", "\U0001F600", "é", "   "]
    cases = []
    # The exact conversions the simulators use.
    for x in floats:
        for f in ["%.2f", "%3.2f", "%3d", "%d", "%s", "%r"]:
            cases.append(fmt_case(f, [x]))
    for x in floats[:120]:
        for f in ["%e", "%g", "%.0f", "%.1f", "%.3e", "%.10g", "%f", "%.17g", "%.0e", "%G", "%E", "%F", "%#g", "%.1g"]:
            cases.append(fmt_case(f, [x]))
    for x in ints:
        for f in ["%d", "%i", "%s", "%r", "%3d", "%2d", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%.2f", "%e", "%g"]:
            cases.append(fmt_case(f, [x]))
    for s in strs:
        for f in ["%s", "%r", "%14s", "%10s", "%-6s|", "%.2s", "%5.1s|", "%d"]:
            cases.append(fmt_case(f, [s]))
    # Flags x width x precision x conversion, sampled.
    convs = "diouxXeEfFgGsr"
    flagsets = ["", "-", "0", "+", " ", "#", "-0", "+0", " 0", "-+", "- ", "#0", "-#", "+ ", "0-+ #"]
    values = floats[:80] + ints + strs
    for _ in range(3000):
        fl = rng.choice(flagsets); w = rng.choice(["", "1", "5", "12", "0", "25"])
        p = rng.choice(["", "", ".0", ".1", ".3", ".6", ".12", "."])
        c = rng.choice(convs)
        cases.append(fmt_case("%" + fl + w + p + c, [rng.choice(values)]))
    # Whole format strings, argument counting, literal text and %%.
    cases += [fmt_case(f, a) for f, a in [
        ("%s", ["x"]), ("%%", []), ("100%%", []), ("%d%%", [5]), ("a%sb%sc", ["1", "2"]),
        ("%s %s", ["x"]), ("%s", ["x", "y"]), ("abc", [1]), ("%", []), ("%z", [1]), ("%5", [1]),
        ("%*d", [5, 42]), ("%-*d|", [5, 42]), ("%.*f", [3, 2.5]), ("%*.*f", [8, 2, 3.14159]), ("%ld", [5]),
        ("%hd %lf %Lg", [1, 2.0, 3.0]), ("%s", [None]), ("%r", [None]), ("%s", [True]), ("%r", [False]),
        ("%d", [True]), ("%f", [True]), ("%x", [1.0]), ("%o", [2.5]), ("%d", ["5"]), ("%f", ["1"]),
        ("%d", [float("inf")]), ("%d", [float("nan")]), ("%d", [-float("inf")]), ("%x", [True]),
        ("%s", [["a", "b"]]), ("%s", [[]]), ("%r", [["it's", 'say "hi"', "back\\slash", "tab\t", "nl\n"]]),
        ("%s", [[1, 2.5, True, None, "x"]]), ("%s", [["\x00\x1f\x7f", "\x85\xa0\xad", "\u2028\ufeff", "\U0001F600\udcff"]]),
        ("%r", ["both ' and \""]), ("%r", ["only '"]), ("%r", ["é\u0301 \u200b"]), ("%s", [["a", ["b"]]]),
        ("%d", [10 ** 4300 - 1]), ("%d", [10 ** 4300]), ("%s", [-(10 ** 4300)]), ("%x", [10 ** 4300]),
        ("%.2f", [10 ** 308 * 2]), ("%.2f", [2 ** 1023 * 2 - 2 ** 970]), ("%e", [2 ** 1024]),
        ("Job %3d -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f", [2, 3.0, 13.5, 3.0]),
        ("  [ time %3d ] Run job %d for %.2f secs ( DONE at %.2f )", [12.75, 1, 5.125, 17.875]),
        ("%3d*", [7]), ("%14s", ["PID:%2d" % 3]), ("%s", [1e16]), ("%s", [1e-7]), ("%s", [-0.0]),
        ("%s", [float("inf")]), ("%s", [float("nan")]), ("%s", [5.0]), ("%010s|", ["ab"]), ("%-010d|", [-3]),
        ("%+d %+d", [0, -0]), ("% .3f", [2.0]), ("%+.3e", [0.0]), ("%+g", [-0.0]), ("%#.3g", [1.0]), ("%#.0g", [1.0]),
        ("%#x %#o", [0, 0]), ("%.*s|", [-1, "abc"]), ("%*d|", [True, 5]), ("%.*f|", [-2, 1.5]), ("%c", [True]),
        ("%a", ["\xe9\U0001F600\x7f'"]), ("%a", [["\xe9", 1.5]]), ("%6a|", ["\xe9"]), ("%.3a|", ["\u20ac"]),
        ("%c", [65]), ("%c", ["xy"]), ("%c", [0x1F600]), ("%*d", [10 ** 20, 1]), ("%.99999999999d", [1]), ("%.0s|", ["abc"]), ("%.100f", [0.1]), ("%.60e", [5e-324]), ("%.40g", [0.1]),
    ]]
    dump("format.json", cases)
    # str()/repr() of lone floats (shortest round-trip), separately because there are many.
    reprs = []
    pool = float_pool(powers_of_two=True)
    for _ in range(1500):
        pool.append(struct.unpack(">d", rng.getrandbits(64).to_bytes(8, "big"))[0])
        pool.append(rng.random() * 10 ** rng.randint(-30, 30))
    for x in pool:
        reprs.append([bits(x), repr(x)])
    dump("repr.json", reprs)


# ---------------------------------------------------------------- optparse
# Option tables of the simulators at ostep-homework 6c6cfc7 (the golden commit): (short, long, dest, kind, default)
# kind is int | float | string | true | false.
SPECS = {
    "process-run": [("-s", "--seed", "seed", "int", 0), ("-P", "--program", "program", "string", ""),
                    ("-l", "--processlist", "process_list", "string", ""), ("-L", "--iolength", "io_length", "int", 5),
                    ("-S", "--switch", "process_switch_behavior", "string", "SWITCH_ON_IO"),
                    ("-I", "--iodone", "io_done_behavior", "string", "IO_RUN_LATER"),
                    ("-c", None, "solve", "true", False), ("-p", "--printstats", "print_stats", "true", False)],
    "process-run-devices": [("-s", "--seed", "seed", "int", 0), ("-P", "--program", "program", "string", ""),
                            ("-l", "--processlist", "process_list", "string", ""),
                            ("-L", "--iolength", "io_length", "int", 5),
                            ("-o", "--interrupt_overhead", "interrupt_overhead", "int", 5),
                            ("-S", "--switch", "process_switch_behavior", "string", "SWITCH_ON_IO"),
                            ("-I", "--iodone", "io_done_behavior", "string", "IO_RUN_LATER"),
                            ("-c", None, "solve", "true", False), ("-p", "--printstats", "print_stats", "true", False)],
    "scheduler": [("-s", "--seed", "seed", "int", 0), ("-j", "--jobs", "jobs", "int", 3),
                  ("-l", "--jlist", "jlist", "string", ""), ("-m", "--maxlen", "maxlen", "int", 10),
                  ("-p", "--policy", "policy", "string", "FIFO"), ("-q", "--quantum", "quantum", "int", 1),
                  ("-c", None, "solve", "true", False)],
    "mlfq": [("-s", "--seed", "seed", "int", 0), ("-n", "--numQueues", "numQueues", "int", 3),
             ("-q", "--quantum", "quantum", "int", 10), ("-a", "--allotment", "allotment", "int", 1),
             ("-Q", "--quantumList", "quantumList", "string", ""), ("-A", "--allotmentList", "allotmentList", "string", ""),
             ("-j", "--numJobs", "numJobs", "int", 3), ("-m", "--maxlen", "maxlen", "int", 100),
             ("-M", "--maxio", "maxio", "int", 10), ("-B", "--boost", "boost", "int", 0),
             ("-i", "--iotime", "ioTime", "int", 5), ("-S", "--stay", "stay", "true", False),
             ("-I", "--iobump", "iobump", "true", False), ("-l", "--jlist", "jlist", "string", ""),
             ("-c", None, "solve", "true", False)],
    "lottery": [("-s", "--seed", "seed", "int", 0), ("-j", "--jobs", "jobs", "int", 3),
                ("-l", "--jlist", "jlist", "string", ""), ("-m", "--maxlen", "maxlen", "int", 10),
                ("-T", "--maxticket", "maxticket", "int", 100), ("-q", "--quantum", "quantum", "int", 1),
                ("-c", "--compute", "solve", "true", False)],
    "multi": [("-s", "--seed", "seed", "int", 0), ("-j", "--job_num", "job_num", "int", 3),
              ("-R", "--max_run", "max_run", "int", 100), ("-W", "--max_wset", "max_wset", "int", 200),
              ("-L", "--job_list", "job_list", "string", ""), ("-p", "--per_cpu_queues", "per_cpu_queues", "true", False),
              ("-A", "--affinity", "affinity", "string", ""), ("-n", "--num_cpus", "num_cpus", "int", 2),
              ("-q", "--quantum", "time_slice", "int", 10), ("-P", "--peek_interval", "peek_interval", "int", 30),
              ("-w", "--warmup_time", "warmup_time", "int", 10), ("-r", "--warm_rate", "warm_rate", "int", 2),
              ("-M", "--cache_size", "cache_size", "int", 100), ("-o", "--rand_order", "random_order", "true", False),
              ("-t", "--trace", "trace", "true", False), ("-T", "--trace_time_left", "trace_time_left", "true", False),
              ("-C", "--trace_cache", "trace_cache", "true", False), ("-S", "--trace_sched", "trace_sched", "true", False),
              ("-c", "--compute", "solve", "true", False)],
    "fork": [("-s", "--seed", "seed", "int", -1), ("-f", "--forks", "fork_percentage", "float", 0.7),
             ("-A", "--action_list", "action_list", "string", ""), ("-a", "--actions", "actions", "int", 5),
             ("-t", "--show_tree", "show_tree", "true", False), ("-P", "--print_style", "print_style", "string", "fancy"),
             ("-F", "--final_only", "just_final", "true", False), ("-L", "--leaf_only", "leaf_only", "true", False),
             ("-R", "--local_reparent", "local_reparent", "true", False), ("-c", "--compute", "solve", "true", False)],
    "generator": [("-s", "--seed", "seed", "int", -1), ("-r", "--readable", "readable", "string", "read"),
                  ("-R", "--runnable", "runnable", "string", "run"), ("-n", "--num_actions", "num_actions", "int", 10),
                  ("-f", "--fork_chance", "fork_chance", "int", 30), ("-w", "--wait_chance", "wait_chance", "int", 40),
                  ("-e", "--exit_chance", "exit_chance", "int", 30), ("-S", "--sleep_time", "max_sleep_time", "int", 10),
                  ("-A", "--action_list", "action_list", "string", "none"), ("-c", "--compute", "solve", "true", False)],
}
# A made-up table exercising what no simulator declares: store_false and a prefix shared by several options.
SPECS["synthetic"] = [("-v", "--verbose", "verbose", "true", False), ("-q", "--quiet", "verbose", "false", True),
                      ("-n", "--num", "num", "int", 1), ("-N", "--number", "number", "int", 2),
                      ("-x", "--ratio", "ratio", "float", 0.5), ("-o", "--output", "output", "string", "out"),
                      (None, "--only-long", "only_long", "string", "")]
GOLDEN_FILES = {"process-run": "process-run.jsonl", "process-run-devices": "process-run-devices.jsonl",
                "scheduler": "scheduler.jsonl", "mlfq": "mlfq.jsonl", "lottery": "lottery.jsonl",
                "multi": "multi.jsonl", "fork": "fork.jsonl", "generator": "generator.jsonl"}


class _Stop(Exception):
    pass


class Parser(optparse.OptionParser):
    def error(self, msg):
        raise _Stop("error", msg)

    def exit(self, status=0, msg=None):
        raise _Stop("help", "")

    def print_help(self, file=None):
        pass


def build(spec):
    p = Parser()
    for short, long, dest, kind, default in spec:
        names = [n for n in (short, long) if n]
        if kind in ("true", "false"):
            p.add_option(*names, action="store_" + kind, dest=dest, default=default)
        else:
            p.add_option(*names, action="store", type=kind, dest=dest, default=default)
    return p


def error_kind(msg):
    for needle, kind in [("no such option", "UnknownOption"), ("ambiguous option", "AmbiguousOption"),
                         ("requires 1 argument", "MissingValue"), ("does not take a value", "UnexpectedValue"),
                         ("invalid integer value", "BadNumber"), ("invalid floating-point value", "BadNumber")]:
        if needle in msg:
            return kind
    raise AssertionError(msg)


def value_json(v):
    # compact "type:value" text: b:True, i:-12, f:<hex bits>, s:<text>
    if isinstance(v, bool):
        return "b:" + str(v)
    if isinstance(v, int):
        return "i:" + big_str(v)
    if isinstance(v, float):
        return "f:" + bits(v)
    return "s:" + v


def parse_case(spec, argv):
    try:
        opts, args = build(spec).parse_args(list(argv))
    except _Stop as s:
        if s.args[0] == "help":
            return {"argv": argv, "help": True}
        return {"argv": argv, "error": error_kind(s.args[1])}
    # only the options the command line changed, to keep the file small
    vals = {dest: value_json(getattr(opts, dest)) for _, _, dest, _, default in spec
            if value_json(getattr(opts, dest)) != value_json(default)}
    return {"argv": argv, "values": vals, "args": args}


def fuzz_argv(spec):
    tokens = []
    for short, long, _, kind, _ in spec:
        if short:
            tokens.append(short)
        if long:
            tokens += [long, long[:3], long[:4], long + "=", long + "=7", long[:4] + "=x", long + "x"]
    values = ["5", "08", "010", "0x1f", "0b", "-3", "", "abc", "1e3", " 7 ", "1_000", "--", "-", "-h", "x", "0.5",
              "inf", "-0.0", "+4", "0o7", "٣", "nan", "-c"]
    tokens += ["-h", "--help", "--he", "--", "-", "-z", "--zz", "--=1", "---seed", "-" + "".join(
        s[1] for s, _, _, k, _ in spec if s and k in ("true", "false"))]
    clusters = []
    for short, _, _, kind, _ in spec:
        if short:
            for other, _, _, k2, _ in spec:
                if other and k2 in ("true", "false"):
                    clusters.append(other + short[1:])
            clusters.append(short + rng.choice(values))
    n = rng.randint(1, 6)
    return [rng.choice(tokens + clusters + values) for _ in range(n)]


def optparse_vectors():
    out = {"specs": {}, "cases": {}}
    for name, spec in SPECS.items():
        out["specs"][name] = [{"short": s, "long": l, "dest": d, "kind": k, "default": value_json(df)}
                              for s, l, d, k, df in spec]
        cases = []
        if name in GOLDEN_FILES:
            with open(os.path.join(GOLDEN, GOLDEN_FILES[name]), encoding="utf-8") as f:
                for line in f:
                    rec = json.loads(line)
                    c = parse_case(spec, rec["args"])
                    c["golden_exit"] = rec["exit"]
                    # optparse itself exits 2 on a bad command line; anything else means the options parsed.
                    assert (rec["exit"] == 2) == ("error" in c), (name, rec["args"], c)
                    cases.append(c)
        seen = set()
        while len(seen) < 250:
            argv = fuzz_argv(spec)
            key = "\x00".join(argv)
            if key not in seen:
                seen.add(key)
                cases.append(parse_case(spec, argv))
        out["cases"][name] = cases
    dump("optparse.json", out)


def unicode_tables():
    # The whitespace and decimal digits CPython 3.11 (Unicode 14) accepts inside int()/float().
    spaces = [ord(c) for c in map(chr, range(0x110000)) if c.isspace()]
    zeros = [ord(c) for c in map(chr, range(0x110000)) if c.isdecimal() and int(c) == 0]
    nonprint = []
    start = None
    for cp in range(0x110001):
        bad = cp < 0x110000 and not chr(cp).isprintable()
        if bad and start is None:
            start = cp
        if not bad and start is not None:
            nonprint.append([start, cp - 1]); start = None
    dump("unicode.json", {"spaces": spaces, "decimalZeros": zeros, "nonPrintableRanges": nonprint})
    # The library embeds the same ranges (repr() must escape by Python's Unicode 14, not .NET's newer tables).
    with open(SRC_NONPRINTABLE, "w", encoding="ascii") as f:
        f.write("# Code points str.isprintable() rejects in CPython 3.11 (Unicode 14). Generated by\n")
        f.write("# tests/Timeshare.Ostep.Tests/Python/vectors.py; one hex range per line.\n")
        for a, b in nonprint:
            f.write("%X-%X\n" % (a, min(b, 0x10FFFF)))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    random_vectors(); num_vectors(); format_vectors(); optparse_vectors(); unicode_tables()
    print("vectors written to", OUT)
