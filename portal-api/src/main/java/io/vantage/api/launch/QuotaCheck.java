package io.vantage.api.launch;

import java.util.ArrayList;
import java.util.List;

import io.vantage.domain.user.Quota;

/** Compares what a new instance needs with what is left of a quota. */
final class QuotaCheck {

    /** One exhausted resource, e.g. vCPUs: 8 allowed, 6 in use, 4 requested. */
    record Exhausted(String resource, int limit, int used, int requested) {
        String sentence() {
            return resource + ": " + used + " of " + limit + " in use, " + requested + " more requested";
        }
    }

    private QuotaCheck() {
    }

    static List<Exhausted> exhausted(Quota quota, Usage usage, int cpu, int memoryMib, int gpu) {
        List<Exhausted> exhausted = new ArrayList<>();
        if (usage.instances() + 1 > quota.instances()) {
            exhausted.add(new Exhausted("instances", quota.instances(), usage.instances(), 1));
        }
        if (usage.vcpu() + cpu > quota.vcpu()) {
            exhausted.add(new Exhausted("vcpu", quota.vcpu(), usage.vcpu(), cpu));
        }
        if (usage.memoryMib() + memoryMib > quota.memoryMib()) {
            exhausted.add(new Exhausted("memoryMib", quota.memoryMib(), usage.memoryMib(), memoryMib));
        }
        if (gpu > 0 && usage.gpu() + gpu > quota.gpu()) {
            exhausted.add(new Exhausted("gpu", quota.gpu(), usage.gpu(), gpu));
        }
        return exhausted;
    }
}
