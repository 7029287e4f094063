package org.innofund.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's /proc, to tell whether the rush is bound by the machine's cores: the whole machine's busy and
 * total ticks, and the ticks spent by the server's JVM and by this client. Zeros where /proc is not there.
 */
record CpuSample(long machineBusy, long machineTotal, long server, long client) {

    static CpuSample now(long serverPid) {
        long busy = 0;
        long total = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < cpu.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                long v = Long.parseLong(cpu[i]);
                total += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new CpuSample(0, 0, 0, 0);
        }
        return new CpuSample(busy, total, serverPid > 0 ? process(String.valueOf(serverPid)) : 0, process("self"));
    }

    private static long process(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** "machine busy 97% of 2 cores: server 71%, client 24%" between two samples (shares of all cores' time). */
    static String describe(CpuSample before, CpuSample after) {
        long total = after.machineTotal - before.machineTotal;
        if (total <= 0) {
            return "not measured";
        }
        return String.format(java.util.Locale.ROOT, "machine busy %.0f%% of %d cores: server JVM %.0f%%, load client %.0f%%, rest %.0f%%",
                pct(after.machineBusy - before.machineBusy, total), Runtime.getRuntime().availableProcessors(),
                pct(after.server - before.server, total), pct(after.client - before.client, total),
                pct((after.machineBusy - before.machineBusy) - (after.server - before.server) - (after.client - before.client), total));
    }

    private static double pct(long part, long total) {
        return 100.0 * part / total;
    }
}
