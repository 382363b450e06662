#!/usr/bin/env python3
"""Validates an image archive written by `jib:buildTar` (docker save format, or an OCI layout in a tar).

Checks what a deployment relies on: one image with config and layers that match their digests, a non-root numeric
user that exists in the image's /etc/passwd, a java entrypoint, the expected exposed ports, the JRE and the
healthcheck helper present. Usage: image-check.py IMAGE_TAR [--port 8080 ...]
"""
import argparse, gzip, hashlib, io, json, sys, tarfile


def fail(msg):
    sys.exit(f"image-check: {sys.argv[1]}: {msg}")


def read(tar, name):
    member = tar.getmember(name.removeprefix("./"))
    return tar.extractfile(member).read()


def load(tar):
    """Returns (config bytes, [layer bytes]) from a docker save or an OCI archive."""
    names = set(tar.getnames())
    if "manifest.json" in names:
        manifest = json.loads(read(tar, "manifest.json"))
        if len(manifest) != 1:
            fail(f"expected one image in manifest.json, found {len(manifest)}")
        entry = manifest[0]
        print(f"  docker archive, tags {entry.get('RepoTags')}")
        return read(tar, entry["Config"]), [read(tar, l) for l in entry["Layers"]]
    if "index.json" in names:
        index = json.loads(read(tar, "index.json"))
        desc = index["manifests"][0]
        blob = lambda d: read(tar, "blobs/" + d["digest"].replace(":", "/"))
        manifest = json.loads(blob(desc))
        for d in [manifest["config"], *manifest["layers"]]:
            if "sha256:" + hashlib.sha256(blob(d)).hexdigest() != d["digest"]:
                fail(f"blob {d['digest']} does not match its digest")
        print("  OCI archive")
        return blob(manifest["config"]), [blob(l) for l in manifest["layers"]]
    fail("neither manifest.json (docker) nor index.json (OCI) at the archive root")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tar")
    ap.add_argument("--port", action="append", default=[], help="a port the image must expose, e.g. 8080")
    args = ap.parse_args()
    with tarfile.open(args.tar) as tar:
        config_bytes, layers = load(tar)
    config = json.loads(config_bytes)
    c = config.get("config", {})

    diff_ids = config["rootfs"]["diff_ids"]
    if len(diff_ids) != len(layers):
        fail(f"{len(layers)} layers but {len(diff_ids)} diff_ids in the config")
    files = {}
    for layer, diff_id in zip(layers, diff_ids):
        raw = gzip.decompress(layer) if layer[:2] == b"\x1f\x8b" else layer
        if "sha256:" + hashlib.sha256(raw).hexdigest() != diff_id:
            fail(f"layer does not match its diff_id {diff_id}")
        with tarfile.open(fileobj=io.BytesIO(raw)) as lt:
            for m in lt.getmembers():
                files[m.name.removeprefix("./")] = (lt, m, raw)   # later layers win, as in a container

    user = c.get("User", "")
    uid = user.split(":")[0]
    if not uid.isdigit() or uid == "0":
        fail(f"user {user!r} is not a numeric non-root uid")
    if "etc/passwd" in files:
        lt, m, raw = files["etc/passwd"]
        with tarfile.open(fileobj=io.BytesIO(raw)) as t:
            passwd = t.extractfile(m.name).read().decode()
        if not any(line.split(":")[2] == uid for line in passwd.splitlines() if line.count(":") >= 6):
            fail(f"uid {uid} has no /etc/passwd entry")
    entrypoint = c.get("Entrypoint") or []
    if not entrypoint or not entrypoint[0].endswith("java"):
        fail(f"entrypoint {entrypoint!r} does not start java")
    exposed = sorted(c.get("ExposedPorts", {}))
    for port in args.port:
        if f"{port}/tcp" not in exposed:
            fail(f"port {port}/tcp not exposed (exposed: {exposed})")
    for required in ("usr/lib/jvm/java-17-openjdk-amd64/bin/java", "usr/local/bin/healthcheck", "app/jib-classpath-file",
                     "app/classes"):
        if not any(name == required or name.startswith(required + "/") for name in files):
            fail(f"{required} missing from the image")
    print(f"  user {user}, {len(layers)} layers, exposed {exposed or 'nothing'}")
    print(f"  entrypoint {' '.join(entrypoint)[:160]}")
    print("  image OK")


if __name__ == "__main__":
    main()
