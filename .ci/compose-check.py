#!/usr/bin/env python3
"""Static checks of docker-compose.yml (no Docker engine here to run it) and of the Keycloak realm it imports.

The services, their health checks and start order, fully named images, the settings the portal and the ETL need,
that every file or folder it mounts from the repository exists, and that the ETL finds the sample export where it
reads. Whether the portal's settings bind onto its configuration classes is checked by the Maven build
(ComposeConfigurationTest). Needs python3-yaml. Usage: compose-check.py [COMPOSE_FILE]
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
def default(value):
    """The value compose uses when the variable is unset: ${VAR:-default} -> default."""
    return re.sub(r"\$\{[A-Z_][A-Z0-9_]*:-([^}]*)\}", r"\1", str(value))


for name, svc in services.items():
    check("image" in svc, f"{name} has no image")
    # registry host/path:tag, never an implicit default registry nor a moving "latest"
    image = default(svc.get("image", ""))
    match = re.fullmatch(r"([a-z0-9.-]+(?::\d+)?)/([a-z0-9._/-]+):([\w][\w.-]*)(@sha256:[0-9a-f]{64})?", image)
    check(match is not None and ("." in match.group(1) or match.group(1) == "localhost"),
          f"{name}: image {image} is not fully qualified (registry host/path:tag)")
    check(match is None or match.group(3) != "latest", f"{name}: image {image} uses the moving tag latest")
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

portal = services["portal"]
portal_env = portal["environment"]
for key in ("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
            "VANTAGE_AUTH_OIDC_ISSUER_URI", "VANTAGE_AUTH_OIDC_CLIENT_ID", "VANTAGE_AUTH_OIDC_CLIENT_SECRET",
            "VANTAGE_AUTH_OIDC_CLAIMS_USER_ID", "VANTAGE_AUTH_OIDC_CLAIMS_ROLES", "VANTAGE_TUNNEL_GUACD_HOST",
            "VANTAGE_TUNNEL_GUACD_PORT", "VANTAGE_PUBLIC_URL", "SPRING_MAIL_HOST", "SPRING_MAIL_PORT",
            "VANTAGE_MAIL_FROM", "VANTAGE_NOTEBOOKS_ORIGIN_PATTERN", "MANAGEMENT_SERVER_PORT"):
    check(key in portal_env, f"portal lacks {key}")
check(portal_env.get("VANTAGE_TUNNEL_GUACD_HOST") in services, "VANTAGE_TUNNEL_GUACD_HOST is no service")
check("{uid}" in portal_env.get("VANTAGE_NOTEBOOKS_ORIGIN_PATTERN", ""), "notebook origin pattern without {uid}")


def mounted(svc, target):
    """The repository path mounted at target (a folder) in a service, or None."""
    for volume in svc.get("volumes", []):
        source, dest = default(volume).split(":")[:2]
        if dest == target:
            return os.path.join(root, source)
    return None


# Actuator on its own port: the healthcheck uses it, and it is not published on the host.
management = str(portal_env.get("MANAGEMENT_SERVER_PORT"))
check(management in portal["healthcheck"]["test"], "portal healthcheck does not probe the management port")
check(not any(str(p).split(":")[-1] == management for p in portal.get("ports", [])), "management port is published")
# The configuration file the portal is told to read is mounted from the repository.
location = str(portal_env.get("SPRING_CONFIG_ADDITIONAL_LOCATION", "")).removeprefix("file:")
config_dir = mounted(portal, os.path.dirname(location))
check(config_dir is not None and os.path.isfile(os.path.join(config_dir, os.path.basename(location))),
      f"portal reads {location}, which no volume provides")

etl = services["etl"]
etl_env = etl["environment"]
check(etl.get("profiles") == ["etl"] and etl.get("restart") == "no", "etl must be a one-shot service (profile etl)")
check(str(etl_env.get("SPRING_FLYWAY_ENABLED")) == "false", "etl must leave the migrations to the portal")
check(etl.get("depends_on", {}).get("portal", {}).get("condition") == "service_healthy", "etl must wait for the portal")
# The ETL reads its files where the sample export is mounted: all eight entities, each in one format.
export = mounted(etl, etl_env.get("VANTAGE_ETL_FILES_DIR"))
check(export is not None, "VANTAGE_ETL_FILES_DIR is not where a volume mounts the export")
if export:
    for entity in ("employers", "users", "roles", "instruments", "instrument_scientists", "proposals",
                   "experiments", "experiment_members"):
        found = [ext for ext in ("csv", "json") if os.path.isfile(os.path.join(export, f"{entity}.{ext}"))]
        check(len(found) == 1, f"sample export {os.path.relpath(export, root)} needs exactly one {entity}.csv/.json")

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
portal_client = clients.get("vantage-portal", {})
check(portal_client.get("attributes", {}).get("backchannel.logout.url", "").endswith("/logout/connect/back-channel/vantage")
      and portal_client.get("frontchannelLogout") is False,
      "vantage-portal needs back-channel logout to the portal's /logout/connect/back-channel/vantage")
check({r["name"] for r in realm["roles"]["realm"]} >= {"ADMIN", "STAFF", "IT_SUPPORT", "INSTRUMENT_SCIENTIST",
      "INSTRUMENT_CONTROL", "SCIENTIFIC_COMPUTING", "GUEST"}, "realm roles")

for e in errors:
    print(f"  {e}", file=sys.stderr)
if errors:
    sys.exit(f"compose-check.py: {len(errors)} problem(s)")
print(f"  {path}: {len(services)} services, images fully named, health checks and start order consistent, "
      "configuration file and sample export mounted; realm file consistent")
