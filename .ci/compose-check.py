#!/usr/bin/env python3
"""Static checks of docker-compose.yml (no Docker engine here to run it) and of the Keycloak realm it imports.

The services, their health checks and start order, the settings the portal and the ETL need, and that every
file or folder it mounts from the repository exists. Needs python3-yaml. Usage: compose-check.py [COMPOSE_FILE]
"""
import json, os, re, sys

import yaml

path = sys.argv[1] if len(sys.argv) > 1 else "docker-compose.yml"
root = os.path.dirname(os.path.abspath(path))
compose = yaml.safe_load(open(path))
services = compose["services"]
errors = []


def check(ok, msg):
    if not ok:
        errors.append(msg)


for name in ("postgres", "keycloak", "guacd", "portal", "etl"):
    check(name in services, f"service {name} missing")
for name in ("postgres", "keycloak", "guacd", "portal"):
    check("healthcheck" in services.get(name, {}), f"{name} has no healthcheck")
for name, svc in services.items():
    check("image" in svc, f"{name} has no image")
    deps = svc.get("depends_on", {})
    for dep, cond in (deps.items() if isinstance(deps, dict) else [(d, {}) for d in deps]):
        check(dep in services, f"{name} depends on unknown service {dep}")
        if cond.get("condition") == "service_healthy":
            check("healthcheck" in services.get(dep, {}), f"{name} waits for {dep} to be healthy, it has no healthcheck")
    for volume in svc.get("volumes", []):
        source = volume.split(":")[0]
        if source.startswith("./"):
            check(os.path.exists(os.path.join(root, source)), f"{name} mounts missing {source}")
        elif not source.startswith(("/", "$")):
            check(source in (compose.get("volumes") or {}), f"{name} uses undeclared volume {source}")

portal_env = services["portal"]["environment"]
for key in ("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
            "VANTAGE_AUTH_OIDC_ISSUER_URI", "VANTAGE_AUTH_OIDC_CLIENT_ID", "VANTAGE_AUTH_OIDC_CLIENT_SECRET",
            "VANTAGE_AUTH_OIDC_CLAIMS_USER_ID", "VANTAGE_AUTH_OIDC_CLAIMS_ROLES", "VANTAGE_TUNNEL_GUACD_HOST",
            "VANTAGE_TUNNEL_GUACD_PORT", "VANTAGE_CLOUD_DEPLOYMENT_ID", "VANTAGE_PUBLIC_URL",
            "SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "VANTAGE_MAIL_FROM"):
    check(key in portal_env, f"portal lacks {key}")
check(portal_env.get("VANTAGE_TUNNEL_GUACD_HOST") in services, "VANTAGE_TUNNEL_GUACD_HOST is no service")
etl = services["etl"]
check(etl.get("profiles") == ["etl"] and etl.get("restart") == "no", "etl must be a one-shot service (profile etl)")
check(etl["environment"].get("VANTAGE_ETL_FILES_DIR") == "/data/user-office", "etl files dir")

# The issuer the portal validates must be the one Keycloak puts in tokens (KC_HOSTNAME), for both sides.
kc_env = services["keycloak"]["environment"]
check(portal_env["VANTAGE_AUTH_OIDC_ISSUER_URI"] == kc_env["KC_HOSTNAME"] + "/realms/vantage",
      "portal issuer differs from Keycloak's KC_HOSTNAME + /realms/vantage")
host = re.sub(r"^.*:-https?://|:\d+}?$", "", kc_env["KC_HOSTNAME"])
aliases = services["keycloak"].get("networks", {}).get("default", {}).get("aliases", [])
check(host in aliases, f"Keycloak host {host} is not a network alias of the keycloak service")

realm = json.load(open(os.path.join(root, "docker/keycloak/vantage-realm.json")))
check(realm["realm"] == "vantage", "realm name")
clients = {c["clientId"]: c for c in realm["clients"]}
check(clients.get("vantage-portal", {}).get("attributes", {}).get("pkce.code.challenge.method") == "S256",
      "vantage-portal must require PKCE S256")
check({r["name"] for r in realm["roles"]["realm"]} >= {"ADMIN", "STAFF", "IT_SUPPORT", "INSTRUMENT_SCIENTIST",
      "INSTRUMENT_CONTROL", "SCIENTIFIC_COMPUTING", "GUEST"}, "realm roles")

for e in errors:
    print(f"  {e}", file=sys.stderr)
if errors:
    sys.exit(f"compose-check.py: {len(errors)} problem(s)")
print(f"  {path}: {len(services)} services, health checks and start order consistent; realm file consistent")
