# Kept apart from the template so that Packer 1.6 (Debian's package, no plugin blocks) can still validate the
# template file alone; Packer >= 1.7 reads both files with `packer init . && packer build .`.
packer {
  required_version = ">= 1.7.0"
  required_plugins {
    openstack = {
      version = ">= 1.1.0"
      source  = "github.com/hashicorp/openstack"
    }
  }
}
