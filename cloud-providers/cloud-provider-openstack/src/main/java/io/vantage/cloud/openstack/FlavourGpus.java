package io.vantage.cloud.openstack;

import java.util.Map;

/**
 * Counts the GPUs a flavour gives from its extra specs: placement resources ({@code resources:VGPU=1},
 * {@code resources:PGPU=2}, {@code resources:CUSTOM_..._GPU=1}) or PCI passthrough ({@code pci_passthrough:alias=a100:2,t4:1}).
 */
final class FlavourGpus {

    private FlavourGpus() {
    }

    static int count(Map<String, String> extraSpecs) {
        if (extraSpecs == null || extraSpecs.isEmpty()) {
            return 0;
        }
        int resources = 0;
        for (Map.Entry<String, String> spec : extraSpecs.entrySet()) {
            String key = spec.getKey();
            // Placement groups use numbered prefixes: resources1:VGPU, resources_gpu:VGPU.
            if (key.startsWith("resources") && key.contains(":") && isGpuResource(key.substring(key.indexOf(':') + 1))) {
                resources += parse(spec.getValue(), 0);
            }
        }
        return resources > 0 ? resources : pciAliases(extraSpecs.get("pci_passthrough:alias"));
    }

    private static boolean isGpuResource(String resourceClass) {
        String upper = resourceClass.toUpperCase();
        return upper.equals("VGPU") || upper.equals("PGPU") || (upper.startsWith("CUSTOM_") && upper.contains("GPU"));
    }

    private static int pciAliases(String aliases) {
        if (aliases == null || aliases.isBlank()) {
            return 0;
        }
        int total = 0;
        for (String alias : aliases.split(",")) {
            String[] nameAndCount = alias.strip().split(":");
            total += nameAndCount.length > 1 ? parse(nameAndCount[1], 1) : 1;
        }
        return total;
    }

    private static int parse(String value, int fallback) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }
}
