// Validates rendered chart manifests (helm template output) against the Kubernetes API schemas that the
// kubernetes-models packages ship (types, required fields, enums), plus what Vantage's deployment relies on.
// Usage: node validate.js RENDERED.yaml ...   Exit code 1 if any file is invalid.
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
  "batch/v1/Job": "kubernetes-models/batch/v1/Job",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/Ingress": "kubernetes-models/networking.k8s.io/v1/Ingress",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy",
  "rbac.authorization.k8s.io/v1/Role": "kubernetes-models/rbac.authorization.k8s.io/v1/Role",
  "rbac.authorization.k8s.io/v1/RoleBinding": "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding",
  "gateway.networking.k8s.io/v1/HTTPRoute": "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute",
  "monitoring.coreos.com/v1/ServiceMonitor": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor",
};

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function podSpec(doc) {
  if (doc.kind === "Deployment" || doc.kind === "Job") return doc.spec.template.spec;
  if (doc.kind === "CronJob") return doc.spec.jobTemplate.spec.template.spec;
  return null;
}

// Vantage's own rules: non-root, read-only root file system, probes on the management port, websocket timeouts.
function vantageRules(doc) {
  const pod = podSpec(doc);
  if (pod) {
    check(pod.securityContext && pod.securityContext.runAsNonRoot === true, "pod must set runAsNonRoot");
    check(Number.isInteger(pod.securityContext.runAsUser) && pod.securityContext.runAsUser > 0, "numeric non-root runAsUser");
    for (const c of [...(pod.initContainers || []), ...pod.containers]) {
      check(c.securityContext && c.securityContext.readOnlyRootFilesystem === true, `${c.name}: readOnlyRootFilesystem`);
      check(c.securityContext.allowPrivilegeEscalation === false, `${c.name}: allowPrivilegeEscalation false`);
      check(c.resources && c.resources.limits && c.resources.limits.memory, `${c.name}: memory limit`);
      check((c.volumeMounts || []).some((m) => m.mountPath === "/tmp"), `${c.name}: writable /tmp volume`);
      if (c.name === "portal") {
        check(c.readinessProbe.httpGet.path === "/actuator/health/readiness", "portal readiness probe path");
        check(c.livenessProbe.httpGet.path === "/actuator/health/liveness", "portal liveness probe path");
        for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
          check(c[probe].httpGet.port === "management", `portal ${probe} must use the management port`);
        }
        check(c.lifecycle && c.lifecycle.preStop, "portal needs a preStop delay before it drains its tunnels");
      }
    }
  }
  if (doc.kind === "Ingress" && String(doc.spec.ingressClassName || "").includes("nginx")) {
    const a = doc.metadata.annotations || {};
    for (const key of ["proxy-read-timeout", "proxy-send-timeout"]) {
      check(Number(a[`nginx.ingress.kubernetes.io/${key}`]) >= 3600, `ingress ${key} must be >= 3600`);
    }
    check(a["nginx.ingress.kubernetes.io/proxy-buffering"] === "off", "ingress proxy-buffering off");
  }
}

// Rules across one rendering: what routes reach, what guards guacd, how migrations run.
function releaseRules(docs) {
  const of = (kind) => docs.filter((d) => d.kind === kind);
  const portalService = of("Service").find((s) => s.metadata.labels["app.kubernetes.io/component"] === "portal");
  check(portalService, "no portal Service rendered");
  const management = portalService.spec.ports.find((p) => p.name === "management");
  check(management, "the portal Service must expose the management port by name");
  for (const ingress of of("Ingress")) {
    for (const rule of ingress.spec.rules) {
      for (const path of rule.http.paths) {
        const port = path.backend.service.port;
        check(port.name === "http" && port.number === undefined, `ingress ${rule.host} must route the http port only`);
      }
    }
  }
  for (const route of of("HTTPRoute")) {
    for (const rule of route.spec.rules) {
      for (const ref of rule.backendRefs) {
        check(ref.port !== management.port, "the HTTPRoute must not route the management port");
      }
    }
  }
  for (const monitor of of("ServiceMonitor")) {
    check(monitor.spec.endpoints.every((e) => e.port === "management"), "the ServiceMonitor scrapes the management port");
  }
  if (of("Deployment").some((d) => d.metadata.name.endsWith("-guacd"))) {
    const policy = of("NetworkPolicy").find((p) => p.spec.podSelector.matchLabels["app.kubernetes.io/component"] === "guacd");
    check(policy, "guacd needs a NetworkPolicy");
    const from = policy.spec.ingress.flatMap((r) => r.from || [{}]);
    check(from.length > 0 && from.every((p) => p.podSelector && p.podSelector.matchLabels["app.kubernetes.io/component"] === "portal"),
      "guacd must accept connections from the portal's pods only");
  }
  const jobs = of("Job").filter((j) => j.metadata.name.endsWith("-migration"));
  if (jobs.length > 0) {
    const hook = (jobs[0].metadata.annotations || {})["helm.sh/hook"] || "";
    check(hook.includes("pre-install") && hook.includes("pre-upgrade"), "the migration Job must be a pre-install/pre-upgrade hook");
    const config = of("ConfigMap").find((c) => c.metadata.name.endsWith("-config"));
    check(/flyway:\s*\n\s*enabled: false/.test(config.data["application.yml"]), "with the migration Job the portal must run with Flyway off");
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
  try {
    releaseRules(docs);
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    failed = true;
  }
  console.log(`  ${file}: ${kinds.length}/${docs.length} manifests valid (${kinds.sort().join(", ")})`);
}
process.exit(failed ? 1 : 0);
