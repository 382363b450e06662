// Validates rendered chart manifests (helm template output) against the Kubernetes API schemas that the
// kubernetes-models package ships (types, required fields, enums), plus what Vantage's deployment relies on.
// Usage: node validate.js RENDERED.yaml ...   Exit code 1 on the first invalid file.
"use strict";
const fs = require("fs");
const YAML = require("yaml");

const models = {
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Secret": "kubernetes-models/v1/Secret",
  "v1/Service": "kubernetes-models/v1/Service",
  "v1/ServiceAccount": "kubernetes-models/v1/ServiceAccount",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "batch/v1/CronJob": "kubernetes-models/batch/v1/CronJob",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/Ingress": "kubernetes-models/networking.k8s.io/v1/Ingress",
  "monitoring.coreos.com/v1/ServiceMonitor": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor",
};

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Vantage's own rules: non-root, read-only root file system, probes, long websocket timeouts.
function vantageRules(doc) {
  const pod = doc.kind === "Deployment" ? doc.spec.template.spec
    : doc.kind === "CronJob" ? doc.spec.jobTemplate.spec.template.spec : null;
  if (pod) {
    check(pod.securityContext && pod.securityContext.runAsNonRoot === true, "pod must set runAsNonRoot");
    check(Number.isInteger(pod.securityContext.runAsUser) && pod.securityContext.runAsUser > 0, "numeric non-root runAsUser");
    for (const c of pod.containers) {
      check(c.securityContext && c.securityContext.readOnlyRootFilesystem === true, `${c.name}: readOnlyRootFilesystem`);
      check(c.securityContext.allowPrivilegeEscalation === false, `${c.name}: allowPrivilegeEscalation false`);
      check(c.resources && c.resources.limits && c.resources.limits.memory, `${c.name}: memory limit`);
      check((c.volumeMounts || []).some((m) => m.mountPath === "/tmp"), `${c.name}: writable /tmp volume`);
      if (c.name === "portal") {
        check(c.readinessProbe.httpGet.path === "/actuator/health/readiness", "portal readiness probe path");
        check(c.livenessProbe.httpGet.path === "/actuator/health/liveness", "portal liveness probe path");
      }
    }
  }
  if (doc.kind === "Ingress") {
    const a = doc.metadata.annotations || {};
    for (const key of ["proxy-read-timeout", "proxy-send-timeout"]) {
      check(Number(a[`nginx.ingress.kubernetes.io/${key}`]) >= 3600, `ingress ${key} must be >= 3600`);
    }
    check(a["nginx.ingress.kubernetes.io/proxy-buffering"] === "off", "ingress proxy-buffering off");
  }
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean);
  const kinds = [];
  for (const doc of docs) {
    const key = `${doc.apiVersion}/${doc.kind}`;
    try {
      check(models[key], `no schema for ${key}`);
      const mod = require(models[key]);
      new mod[doc.kind](doc).validate();
      vantageRules(doc);
      kinds.push(doc.kind);
    } catch (e) {
      console.error(`${file}: ${key} ${doc.metadata && doc.metadata.name}: ${e.message}`);
      failed = true;
    }
  }
  console.log(`  ${file}: ${kinds.length}/${docs.length} manifests valid (${kinds.sort().join(", ")})`);
}
process.exit(failed ? 1 : 0);
