#!/usr/bin/env node
// Checks deploy/kubernetes and deploy/grafana without a cluster; exits 1 on any problem.
//   node validate.mjs                 # kubectl kustomize too, when kubectl is installed
//   node validate.mjs --no-kubectl    # the built-in renderer only
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import YAML from "yaml";
import {
  kubectlInstalled, kustomizationFile, objectId, readKustomization, renderBuiltIn, renderWithKubectl, unwrapSecretData, withoutNameHashes,
} from "./lib/kustomize.mjs";
import { checkSchemas, checkUnknownFields } from "./lib/schemas.mjs";
import { checkPolicies, checkReferences, idOf } from "./lib/references.mjs";
import { checkDashboard, loadCatalog } from "./lib/dashboard.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const deployDir = path.resolve(here, "..");
const useKubectl = !process.argv.includes("--no-kubectl");
let passed = 0;
let failed = 0;

function check(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}`);
    for (const p of problems) console.log(`     - ${typeof p === "string" ? p : `${p.id}: ${p.message}`}`);
  }
}

function attempt(fn) {
  try {
    return { value: fn(), problems: [] };
  } catch (e) {
    return { value: null, problems: [e.message.split("\n").slice(0, 8).join("\n       ")] };
  }
}

// A copy of deploy/kubernetes in which every secrets/*.env is its committed *.env.example: the
// checks never read real credentials, and run the same on a clean checkout.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "edc-deploy-"));
const k8s = path.join(work, "kubernetes");
fs.cpSync(path.join(deployDir, "kubernetes"), k8s, { recursive: true });
for (const file of listFiles(k8s)) {
  if (file.endsWith(".example")) fs.copyFileSync(file, file.slice(0, -".example".length));
}
process.chdir(work);
const rel = (p) => path.relative(work, p) || ".";

// 1. Every file of a kustomization's folder is one it uses: kubectl apply -k ignores the others.
const kustomizations = listFiles(k8s).filter((f) => kustomizationFile(path.dirname(f)) === f).map(path.dirname);
const referencedComponents = new Set();
for (const dir of kustomizations) {
  const { value: k, problems } = attempt(() => readKustomization(dir));
  if (k) problems.push(...coverage(dir, k, kustomizations));
  for (const c of k?.components ?? []) referencedComponents.add(path.resolve(dir, c));
  check(`${rel(dir)}: every file is listed in its kustomization, every listed file exists`, problems);
}
const strays = listFiles(k8s).filter((f) => /\.ya?ml$/.test(f) && !kustomizations.some((d) => f.startsWith(d + path.sep)));
check("deploy/kubernetes: no manifest outside a kustomization", strays.map((f) => `${rel(f)} belongs to no kustomization`));

// 2. Render every install: each overlay, and each overlay with the optional components added.
const overlays = kustomizations.filter((d) => path.dirname(d) === path.join(k8s, "overlays"));
const optional = kustomizations.filter((d) => readKustomization(d).kind === "Component" && !referencedComponents.has(d));
const installs = [...overlays];
for (const overlay of overlays) {
  const dir = path.join(work, `${path.basename(overlay)}-with-optional-components`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "kustomization.yaml"), YAML.stringify({
    apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization",
    resources: [path.relative(dir, overlay)], components: optional.map((c) => path.relative(dir, c)),
  }));
  if (optional.length) installs.push(dir);
}
const kubectlThere = useKubectl && kubectlInstalled();
const checked = new Map(); // JSON of an object -> {object, id} (each distinct object checked once)
for (const install of installs) {
  const name = rel(install);
  const builtIn = attempt(() => renderBuiltIn(install));
  const kubectl = kubectlThere ? attempt(() => renderWithKubectl(install)) : { value: null, problems: [] };
  const problems = [...builtIn.problems.map((p) => `built-in renderer: ${p}`), ...kubectl.problems.map((p) => `kubectl kustomize: ${p}`)];
  if (builtIn.value && kubectl.value) problems.push(...compare(builtIn.value, kubectl.value));
  const objects = kubectl.value?.map(unwrapSecretData) ?? builtIn.value?.objects.map((o) => o.object) ?? [];
  check(`${name}: renders (${kubectlThere ? "kubectl kustomize and the built-in renderer agree" : "built-in renderer; kubectl not installed"}), ${objects.length} objects`, problems);
  if (!objects.length) continue;
  check(`${name}: references resolve (selectors, ports, ConfigMaps, Secrets and keys, scale targets)`, checkReferences(objects));
  check(`${name}: Pod Security Standards of each namespace, EDC's probes, grace period, resources`, checkPolicies(objects));
  for (const object of objects) {
    const json = JSON.stringify(object);
    if (!checked.has(json)) checked.set(json, { object, id: `${idOf(object)} (${name})` });
  }
}

// 3. Every distinct object against the Kubernetes and KEDA schemas.
const distinct = [...checked.values()];
const kinds = [...new Set(distinct.map((o) => o.object.kind))].sort().join(", ");
check(`schemas (kubernetes-models, @kubernetes-models/keda): ${distinct.length} objects of ${kinds}`, await checkSchemas(distinct));
check(`no unknown field (TypeScript's excess-property check against the same models)`, checkUnknownFields(distinct));

// 4. The Grafana dashboard.
const catalog = loadCatalog(path.join(here, "metrics.json"));
const { problems: dashboardProblems, expressions, metricsUsed } = checkDashboard(path.join(deployDir, "grafana", "edc-dashboard.json"), catalog);
check(`grafana/edc-dashboard.json: parses, \${datasource} everywhere, ${expressions} PromQL expressions parse and name only EDC's metrics and labels`, dashboardProblems);
const wanted = [...Object.keys(catalog.families.edc), ...Object.keys(catalog.families.edcSoon), "http_server_requests_seconds"];
check(`grafana/edc-dashboard.json: a panel for each of EDC's ${wanted.length} metrics and HTTP`, wanted.filter((m) => !metricsUsed.has(m)).map((m) => `no panel uses ${m}`));

fs.rmSync(work, { recursive: true, force: true });
console.log(`\nvalidate: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : [full];
  });
}

/** Files of a kustomization's folder (not those of a nested kustomization) it does not use. */
function coverage(dir, k, all) {
  const problems = [];
  const used = new Set([kustomizationFile(dir)]);
  const refer = (entry, what) => {
    const full = path.resolve(dir, entry.includes("=") ? entry.split("=")[1] : entry);
    if (!fs.existsSync(full)) problems.push(`${what} ${entry} does not exist`);
    used.add(full);
  };
  for (const r of k.resources ?? []) refer(r, "resource");
  for (const c of k.components ?? []) refer(c, "component");
  for (const g of [...(k.configMapGenerator ?? []), ...(k.secretGenerator ?? [])]) {
    for (const e of g.envs ?? []) refer(e, `env file of ${g.name}`);
    for (const f of g.files ?? []) refer(f, `file of ${g.name}`);
  }
  const own = listFiles(dir).filter((f) => !all.some((d) => d !== dir && d.startsWith(dir + path.sep) && f.startsWith(d + path.sep)));
  for (const f of own) {
    if (used.has(f)) continue;
    if (f.endsWith(".example") && used.has(f.slice(0, -".example".length))) continue; // the template of a secret
    if (/\.(sh|md)$|\/\.gitignore$/.test(f)) continue; // helpers and notes
    problems.push(`${rel(f)} is not used by ${rel(kustomizationFile(dir))}`);
  }
  return problems;
}

/** Differences between the built-in rendering and kubectl's (content hashes of names aside). */
function compare(builtIn, kubectlObjects) {
  const problems = [];
  const ours = new Map(builtIn.objects.map((o) => [objectId(o.object), o.object]));
  const theirs = new Map(withoutNameHashes(kubectlObjects, builtIn.generated).map((o) => [objectId(o), o]));
  for (const [id, o] of theirs) {
    if (!ours.has(id)) problems.push(`${id}: rendered by kubectl only`);
    else if (!isDeepStrictEqual(ours.get(id), o)) problems.push(`${id}: differs between the renderers (${firstDifference(ours.get(id), o)})`);
  }
  for (const id of ours.keys()) if (!theirs.has(id)) problems.push(`${id}: rendered by the built-in renderer only`);
  return problems;
}

function firstDifference(a, b, at = "") {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${at}/${k}`);
      if (d) return d;
    }
  }
  return `${at || "/"}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
}
