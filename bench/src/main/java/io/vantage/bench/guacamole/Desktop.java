package io.vantage.bench.guacamole;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The desktop instance every relay session opens (they all join its one guacd connection, as colleagues do). */
record Desktop(PortalProcess portal, String uid) {

    private static final Pattern UID = Pattern.compile("\"uid\":\"([^\"]+)\"");

    /**
     * Launches a desktop on the local provider. There is no plan listing in the API yet: plans are tried in order
     * until one is the VNC desktop (the demo data has a handful).
     */
    static Desktop launch(PortalProcess portal) throws Exception {
        for (int plan = 1; plan <= 12; plan++) {
            HttpResponse<String> launched = portal.post("/api/instances", "{\"planId\":" + plan
                    + ",\"experimentIds\":[\"EXP-1\"],\"name\":\"Benchmark desktop\",\"screenWidth\":1280,"
                    + "\"screenHeight\":800,\"keyboardLayout\":\"en-us-qwerty\"}");
            if (launched.statusCode() != 202) {
                continue;
            }
            Matcher uid = UID.matcher(launched.body());
            uid.find();
            if (!launched.body().contains("\"VNC\"")) {
                portal.delete("/api/instances/" + uid.group(1));
                continue;
            }
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < end) {
                if (portal.get("/api/instances/" + uid.group(1)).body().contains("\"state\":\"ACTIVE\"")) {
                    return new Desktop(portal, uid.group(1));
                }
                Thread.sleep(250); // polling the instance's state
            }
            throw new IllegalStateException("The desktop did not become ACTIVE");
        }
        throw new IllegalStateException("No desktop plan could be launched");
    }

    RelaySession session() throws Exception {
        HttpResponse<String> ticket = portal.post("/api/instances/" + uid + "/tickets", "{\"protocol\":\"GUACD\"}");
        Matcher matcher = Pattern.compile("\"ticket\":\"([^\"]+)\"").matcher(ticket.body());
        if (ticket.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("No ticket: " + ticket.statusCode() + " " + ticket.body());
        }
        return new RelaySession(portal.websocketBase(), matcher.group(1), uid);
    }
}
