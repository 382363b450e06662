#!/usr/bin/env python3
"""Wraps a root file system tarball (from mmdebstrap) into a one-layer image archive in `docker save` format.

Jib accepts such an archive as its base image (`<from><image>tar:///path/base.tar</image>`), which is how the
images get built where no container registry can be reached. The layer is stored as is (uncompressed): Jib
compresses it once into its cache. Usage: docker-archive.py ROOTFS_TAR OUT_TAR IMAGE_REF
"""
import hashlib, io, json, os, sys, tarfile, time

JAVA_HOME = "/usr/lib/jvm/java-17-openjdk-amd64"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(time.time()), 0o644
    tar.addfile(info, io.BytesIO(data))


def main(rootfs, out, ref):
    diff_id = sha256(rootfs)
    created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))))
    config = {
        "architecture": "amd64", "os": "linux", "created": created,
        "config": {
            "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    f"JAVA_HOME={JAVA_HOME}", "LANG=C.UTF-8"],
            # uid/gid 10001 exists in /etc/passwd (user "vantage"); numeric so Kubernetes can check runAsNonRoot.
            "User": "10001:10001",
            "WorkingDir": "/",
            "Labels": {"org.opencontainers.image.title": "vantage-base-jre17",
                       "org.opencontainers.image.description":
                           "Debian bookworm minbase + openjdk-17-jre-headless, built by mmdebstrap"},
        },
        "rootfs": {"type": "layers", "diff_ids": [f"sha256:{diff_id}"]},
        "history": [{"created": created, "created_by": "docker/base-image/build.sh (mmdebstrap)"}],
    }
    config_bytes = json.dumps(config, indent=1).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    layer_name = f"{diff_id}/layer.tar"
    manifest = [{"Config": config_name, "RepoTags": [ref], "Layers": [layer_name]}]
    with tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as tar:
        add_bytes(tar, config_name, config_bytes)
        tar.add(rootfs, arcname=layer_name)
        add_bytes(tar, "manifest.json", json.dumps(manifest).encode())
    print(f"{out}: {ref} layer sha256:{diff_id[:12]}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
