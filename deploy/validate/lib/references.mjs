// What no schema can see: the objects of one rendering must refer to each other correctly (a
// Service that selects no pod, a probe on a port that does not exist, a ScaledObject whose
// authentication or Secret key is missing...), and the pods must pass their namespace's Pod
// Security Standard and EDC's own operating rules.
import { podContainers, podSpec } from "./kustomize.mjs";

const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "StorageClass",
  "PersistentVolume", "CustomResourceDefinition", "PriorityClass", "IngressClass", "RuntimeClass"]);
const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]);

/** [{id, message}] for one rendering (a self-contained install). */
export function checkReferences(objects) {
  const problems = [];
  const report = (o, message) => problems.push({ id: idOf(o), message });
  const find = (kind, namespace, name) => objects.find((o) => o.kind === kind && o.metadata.name === name
    && (CLUSTER_SCOPED.has(kind) || o.metadata.namespace === namespace));
  const workloads = objects.filter((o) => WORKLOADS.has(o.kind));
  const podsSelected = (namespace, selector) => workloads.filter((w) => w.metadata.namespace === namespace
    && matches(selector, podSpecLabels(w)));

  for (const o of objects) {
    const ns = o.metadata.namespace;
    if (!CLUSTER_SCOPED.has(o.kind)) {
      if (!ns) report(o, "no namespace");
      else if (!find("Namespace", undefined, ns)) report(o, `namespace ${ns} is not part of this install`);
    }
    if (WORKLOADS.has(o.kind) && o.kind !== "CronJob") {
      if (!matches(o.spec.selector, podSpecLabels(o))) report(o, "spec.selector does not select its own pod template");
    }
    if (WORKLOADS.has(o.kind)) checkPod(o, ns, find, report);
    if (o.kind === "StatefulSet" && o.spec.serviceName && !find("Service", ns, o.spec.serviceName)) {
      report(o, `serviceName ${o.spec.serviceName}: no such Service`);
    }
    if (o.kind === "Service" && o.spec.selector) {
      const selected = podsSelected(ns, { matchLabels: o.spec.selector });
      if (!selected.length) report(o, "selects no pod of this install");
      for (const port of o.spec.ports ?? []) {
        if (typeof port.targetPort === "string" && !selected.some((w) => containerPorts(w).has(port.targetPort))) {
          report(o, `targetPort ${port.targetPort}: no selected container has a port of that name`);
        }
      }
    }
    if (o.kind === "PodDisruptionBudget" && !podsSelected(ns, o.spec.selector).length) report(o, "selects no pod");
    if (o.kind === "NetworkPolicy" && Object.keys(o.spec.podSelector ?? {}).length
        && !podsSelected(ns, o.spec.podSelector).length) report(o, "podSelector selects no pod");
    if (o.kind === "HorizontalPodAutoscaler" || o.kind === "ScaledObject") {
      const ref = o.spec.scaleTargetRef;
      if (!find(ref.kind ?? "Deployment", ns, ref.name)) report(o, `scaleTargetRef ${ref.kind ?? "Deployment"}/${ref.name}: not found`);
    }
    if (o.kind === "ScaledObject") {
      for (const trigger of o.spec.triggers ?? []) {
        const auth = trigger.authenticationRef;
        if (auth && !find(auth.kind ?? "TriggerAuthentication", ns, auth.name)) {
          report(o, `trigger ${trigger.type}: authenticationRef ${auth.name} not found`);
        }
      }
    }
    if (o.kind === "TriggerAuthentication") {
      for (const ref of o.spec.secretTargetRef ?? []) checkKey(find, report, o, "Secret", ns, ref.name, ref.key);
    }
    if (o.kind === "Ingress") {
      for (const rule of o.spec.rules ?? []) {
        for (const p of rule.http?.paths ?? []) {
          const svc = p.backend.service;
          const target = svc && find("Service", ns, svc.name);
          if (svc && !target) report(o, `backend Service ${svc.name} not found`);
          else if (svc?.port?.name && !target.spec.ports.some((x) => x.name === svc.port.name)) {
            report(o, `backend port ${svc.port.name} not on Service ${svc.name}`);
          }
        }
      }
    }
  }
  // Two autoscalers on one target fight each other.
  const targets = objects.filter((o) => o.kind === "HorizontalPodAutoscaler" || o.kind === "ScaledObject")
    .map((o) => `${o.metadata.namespace}/${o.spec.scaleTargetRef.kind ?? "Deployment"}/${o.spec.scaleTargetRef.name}`);
  for (const t of new Set(targets)) if (targets.filter((x) => x === t).length > 1) problems.push({ id: t, message: "scaled by two autoscalers" });
  return problems;
}

function checkPod(o, ns, find, report) {
  const spec = podSpec(o);
  const volumes = new Set([...(spec.volumes ?? []).map((v) => v.name),
    ...(o.spec.volumeClaimTemplates ?? []).map((v) => v.metadata.name)]);
  if (spec.serviceAccountName && !find("ServiceAccount", ns, spec.serviceAccountName)) {
    report(o, `serviceAccountName ${spec.serviceAccountName}: not found`);
  }
  for (const v of spec.volumes ?? []) {
    if (v.configMap) checkKey(find, report, o, "ConfigMap", ns, v.configMap.name, undefined, v.configMap.optional);
    if (v.secret) checkKey(find, report, o, "Secret", ns, v.secret.secretName, undefined, v.secret.optional);
  }
  for (const c of podContainers(o)) {
    const ports = new Set((c.ports ?? []).map((p) => p.name).filter(Boolean));
    for (const from of c.envFrom ?? []) {
      if (from.configMapRef) checkKey(find, report, o, "ConfigMap", ns, from.configMapRef.name, undefined, from.configMapRef.optional);
      if (from.secretRef) checkKey(find, report, o, "Secret", ns, from.secretRef.name, undefined, from.secretRef.optional);
    }
    for (const env of c.env ?? []) {
      const ref = env.valueFrom?.secretKeyRef ?? env.valueFrom?.configMapKeyRef;
      if (ref) checkKey(find, report, o, env.valueFrom.secretKeyRef ? "Secret" : "ConfigMap", ns, ref.name, ref.key, ref.optional);
    }
    for (const m of c.volumeMounts ?? []) if (!volumes.has(m.name)) report(o, `container ${c.name}: volumeMount ${m.name} has no volume`);
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const port = c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
      if (typeof port === "string" && !ports.has(port)) report(o, `container ${c.name}: ${probe} on port ${port}, which it does not declare`);
    }
  }
}

function checkKey(find, report, o, kind, ns, name, key, optional) {
  if (optional) return;
  const target = find(kind, ns, name);
  if (!target) {
    report(o, `${kind} ${name} (namespace ${ns}) not found`);
    return;
  }
  const keys = { ...(target.data ?? {}), ...(target.stringData ?? {}) };
  if (key !== undefined && !(key in keys)) report(o, `${kind} ${name} has no key ${key}`);
}

/**
 * The Pod Security Standard each namespace enforces (its pod-security.kubernetes.io/enforce
 * label), reduced to the rules these manifests could break, and EDC's operating rules.
 */
export function checkPolicies(objects) {
  const problems = [];
  const report = (o, message) => problems.push({ id: idOf(o), message });
  const levels = Object.fromEntries(objects.filter((o) => o.kind === "Namespace")
    .map((n) => [n.metadata.name, n.metadata.labels?.["pod-security.kubernetes.io/enforce"] ?? "privileged"]));
  for (const o of objects.filter((x) => WORKLOADS.has(x.kind))) {
    const spec = podSpec(o);
    const level = levels[o.metadata.namespace] ?? "privileged";
    if (spec.hostNetwork || spec.hostPID || spec.hostIPC) report(o, "uses the host's namespaces");
    for (const v of spec.volumes ?? []) {
      // A hostPath (the node's Docker socket, say) is root on the node for whoever mounts it.
      if (v.hostPath) report(o, `volume ${v.name} is a hostPath (${v.hostPath.path})`);
    }
    const edc = podContainers(o).some((c) => imageName(c.image).endsWith("edc"));
    if (edc && (spec.terminationGracePeriodSeconds ?? 30) < 75) {
      report(o, "EDC pods need terminationGracePeriodSeconds >= 75 (jobs and requests finish in 60 s)");
    }
    for (const c of podContainers(o)) {
      const sc = c.securityContext ?? {};
      const where = `container ${c.name}`;
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) report(o, `${where}: no CPU or memory request`);
      if (!c.resources?.limits?.memory) report(o, `${where}: no memory limit`);
      if (sc.privileged && !imageName(c.image).endsWith("docker")) report(o, `${where}: privileged, and not the Docker engine`);
      if (imageName(c.image).endsWith("edc")) {
        if (c.livenessProbe?.httpGet?.path !== "/actuator/health/liveness") report(o, `${where}: liveness probe is not /actuator/health/liveness`);
        if (c.readinessProbe?.httpGet?.path !== "/actuator/health/readiness") report(o, `${where}: readiness probe is not /actuator/health/readiness`);
        if (!(sc.runAsNonRoot ?? spec.securityContext?.runAsNonRoot)) report(o, `${where}: EDC runs as non-root`);
        if (sc.privileged) report(o, `${where}: EDC itself is never privileged`);
      }
      if (level === "privileged") continue;
      const rule = (ok, message) => { if (!ok) report(o, `${where}: breaks the namespace's ${level} Pod Security Standard: ${message}`); };
      rule(!sc.privileged, "privileged");
      const added = sc.capabilities?.add ?? [];
      rule(added.every((cap) => cap === "NET_BIND_SERVICE" || (level === "baseline" && cap !== "SYS_ADMIN")), `capabilities added: ${added}`);
      if (level === "restricted") {
        rule(sc.allowPrivilegeEscalation === false, "allowPrivilegeEscalation must be false");
        rule(sc.runAsNonRoot ?? spec.securityContext?.runAsNonRoot, "runAsNonRoot must be true");
        rule((sc.runAsUser ?? spec.securityContext?.runAsUser) !== 0, "runAsUser 0");
        const seccomp = sc.seccompProfile?.type ?? spec.securityContext?.seccompProfile?.type;
        rule(seccomp === "RuntimeDefault" || seccomp === "Localhost", "seccompProfile RuntimeDefault or Localhost");
        rule((sc.capabilities?.drop ?? []).includes("ALL"), "capabilities must drop ALL");
      }
    }
  }
  return problems;
}

function imageName(image) {
  const noDigest = image.split("@")[0];
  const colon = noDigest.lastIndexOf(":");
  return colon > noDigest.lastIndexOf("/") ? noDigest.slice(0, colon) : noDigest;
}

function podSpecLabels(w) {
  if (w.kind === "CronJob") return w.spec.jobTemplate?.spec?.template?.metadata?.labels ?? {};
  return w.spec.template?.metadata?.labels ?? {};
}

function matches(selector, labels) {
  if (!selector) return false;
  const ml = selector.matchLabels ?? {};
  if (!Object.keys(ml).length && !(selector.matchExpressions ?? []).length) return true;
  for (const [k, v] of Object.entries(ml)) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function containerPorts(w) {
  return new Set(podContainers(w).flatMap((c) => (c.ports ?? []).map((p) => p.name)).filter(Boolean));
}

export function idOf(o) {
  return `${o.kind}/${o.metadata?.namespace ? `${o.metadata.namespace}/` : ""}${o.metadata?.name}`;
}
