# Reference analysis image for Vantage on OpenStack: Ubuntu LTS, XFCE on a TigerVNC display, JupyterLab, guacd,
# and a first-boot step that reads the portal's instance metadata (vantage-secret, vantage-screen, vantage-keyboard).
# OpenStack credentials come from the usual OS_* environment variables (an openrc file or clouds.yaml).

variable "source_image_name" {
  type        = string
  default     = "ubuntu-24.04-server-cloudimg-amd64"
  description = "Glance name of a stock Ubuntu LTS cloud image to start from."
}

variable "flavor" {
  type        = string
  default     = "m1.medium"
  description = "Flavour of the temporary build server (2 vCPUs and 20 GB disk are enough)."
}

variable "networks" {
  type        = list(string)
  description = "Network ids for the build server; it needs outbound access to the Ubuntu and Python package mirrors."
}

variable "floating_ip_network" {
  type        = string
  default     = ""
  description = "External network for a floating IP, when the build host cannot reach the fixed network."
}

variable "security_groups" {
  type        = list(string)
  default     = ["default"]
  description = "Security groups of the build server; SSH (22) must be open to the build host."
}

variable "image_version" {
  type    = string
  default = "1.0.0"
}

locals {
  image_name = "vantage-analysis-ubuntu-24.04-${var.image_version}"
}

source "openstack" "analysis" {
  source_image_name   = var.source_image_name
  flavor              = var.flavor
  networks            = var.networks
  floating_ip_network = var.floating_ip_network
  security_groups     = var.security_groups
  ssh_username        = "ubuntu"
  image_name          = local.image_name
  image_visibility    = "private"
  metadata = {
    os_distro         = "ubuntu"
    os_version        = "24.04"
    vantage_protocols = "vnc:5901,guacd:4822,jupyter:8888,files:5981"
    vantage_version   = var.image_version
  }
}

build {
  sources = ["source.openstack.analysis"]

  provisioner "file" {
    source      = "${path.root}/files/"
    destination = "/tmp/vantage"
  }

  provisioner "shell" {
    execute_command = "sudo -E bash '{{ .Path }}'"
    scripts = [
      "${path.root}/scripts/10-desktop.sh",
      "${path.root}/scripts/20-jupyter.sh",
      "${path.root}/scripts/30-guacd.sh",
      "${path.root}/scripts/40-vantage.sh",
      "${path.root}/scripts/90-cleanup.sh",
    ]
  }
}
