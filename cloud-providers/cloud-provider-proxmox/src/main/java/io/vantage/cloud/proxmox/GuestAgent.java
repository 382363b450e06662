package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A running VM's addresses, from the QEMU guest agent inside it: Proxmox itself does not know which address DHCP
 * gave a clone. Until the agent answers, the VM has no address (Proxmox says "QEMU guest agent is not running").
 */
final class GuestAgent {

    private final ProxmoxApi api;

    GuestAgent(ProxmoxApi api) {
        this.api = api;
    }

    /** IPv4 addresses first, then IPv6; loopback and link-local ones left out. */
    List<String> addresses(String node, int vmid) {
        JsonNode answer;
        try {
            answer = api.raw("GET", "/nodes/" + node + "/qemu/" + vmid + "/agent/network-get-interfaces", null);
        } catch (ProxmoxApi.Failure notYet) {
            if (notYet.status == 500) {
                return List.of(); // agent not running, not configured, or timed out: no address yet
            }
            throw ProxmoxErrors.translate("ask the guest agent of VM " + vmid + " for its addresses", notYet,
                    java.util.Map.of());
        }
        List<String> ipv4 = new ArrayList<>();
        List<String> ipv6 = new ArrayList<>();
        for (JsonNode iface : answer.path("result")) {
            if ("lo".equals(iface.path("name").asText())) {
                continue;
            }
            for (JsonNode address : iface.path("ip-addresses")) {
                String ip = address.path("ip-address").asText("");
                if (ip.isEmpty() || ip.startsWith("127.") || ip.equals("::1") || ip.startsWith("169.254.")
                        || ip.toLowerCase().startsWith("fe80:")) {
                    continue;
                }
                ("ipv6".equals(address.path("ip-address-type").asText()) ? ipv6 : ipv4).add(ip);
            }
        }
        ipv4.addAll(ipv6);
        return ipv4;
    }
}
