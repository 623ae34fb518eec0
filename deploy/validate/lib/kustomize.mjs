// Renders a kustomization two ways:
// - `kubectl kustomize` (kustomize v5 inside kubectl) where kubectl is installed;
// - a small renderer of our own, for the subset of kustomize that deploy/kubernetes uses, so that
//   the manifests are rendered and checked on a machine without kubectl too.
// When both are there, their outputs must agree (generated names aside: kustomize appends a hash
// of the content to them, the built-in renderer does not).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
const SUPPORTED = new Set([
  "apiVersion", "kind", "resources", "components", "images",
  "configMapGenerator", "secretGenerator", "generatorOptions",
]);
const GENERATOR_FIELDS = new Set(["name", "namespace", "behavior", "envs", "files", "literals", "options", "type"]);

export function kustomizationFile(dir) {
  for (const name of KUSTOMIZATION_FILES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

export function readKustomization(dir) {
  const file = kustomizationFile(dir);
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  return YAML.parse(fs.readFileSync(file, "utf8")) ?? {};
}

/** Every YAML document of a file, as plain objects (comments and anchors resolved). */
export function readDocuments(file) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"));
  const out = [];
  for (const doc of docs) {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

export function objectId(o) {
  return `${o.apiVersion}/${o.kind}/${o.metadata?.namespace ?? "-"}/${o.metadata?.name}`;
}

export function kubectlInstalled() {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** kubectl's rendering (kustomize v5 inside kubectl). */
export function renderWithKubectl(dir) {
  const out = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return YAML.parseAllDocuments(out).map((d) => d.toJS()).filter(Boolean);
}

/**
 * The built-in rendering: objects with the file each came from (`source`), and the names of the
 * generated ConfigMaps and Secrets (kustomize would hash them unless told not to).
 */
export function renderBuiltIn(dir) {
  const state = { objects: [], generated: [] };
  build(path.resolve(dir), state, new Set(), "Kustomization");
  return state;
}

function build(dir, state, seen, expectedKind) {
  if (seen.has(dir)) throw new Error(`${dir}: included twice`);
  seen.add(dir);
  const k = readKustomization(dir);
  const where = path.relative(process.cwd(), kustomizationFile(dir));
  const kind = k.kind ?? "Kustomization";
  if (kind !== expectedKind) throw new Error(`${where}: a ${kind} where a ${expectedKind} was expected`);
  for (const field of Object.keys(k)) {
    if (!SUPPORTED.has(field)) {
      throw new Error(`${where}: "${field}" is outside what the built-in renderer knows (${[...SUPPORTED].join(", ")}); render with kubectl or extend lib/kustomize.mjs`);
    }
  }
  for (const entry of k.resources ?? []) {
    const target = path.resolve(dir, entry);
    if (!fs.existsSync(target)) throw new Error(`${where}: resource ${entry} does not exist`);
    if (fs.statSync(target).isDirectory()) {
      build(target, state, seen, "Kustomization");
    } else {
      for (const object of readDocuments(target)) {
        add(state, object, path.relative(process.cwd(), target), where);
      }
    }
  }
  for (const entry of k.components ?? []) {
    const target = path.resolve(dir, entry);
    if (!fs.existsSync(target)) throw new Error(`${where}: component ${entry} does not exist`);
    build(target, state, seen, "Component");
  }
  const hashByDefault = !(k.generatorOptions?.disableNameSuffixHash ?? false);
  for (const g of k.configMapGenerator ?? []) generate(dir, where, state, g, "ConfigMap", hashByDefault);
  for (const g of k.secretGenerator ?? []) generate(dir, where, state, g, "Secret", hashByDefault);
  for (const image of k.images ?? []) setImage(state.objects, image);
}

function add(state, object, source, where) {
  if (!object.apiVersion || !object.kind || !object.metadata?.name) {
    throw new Error(`${source}: a document without apiVersion, kind or metadata.name`);
  }
  const id = objectId(object);
  if (state.objects.some((o) => objectId(o.object) === id)) throw new Error(`${where}: ${id} defined twice`);
  state.objects.push({ object, source });
}

function generate(dir, where, state, g, kind, hashByDefault) {
  for (const field of Object.keys(g)) {
    if (!GENERATOR_FIELDS.has(field)) throw new Error(`${where}: generator field "${field}" is not supported`);
  }
  const data = {};
  for (const literal of g.literals ?? []) {
    const i = literal.indexOf("=");
    data[literal.slice(0, i)] = literal.slice(i + 1);
  }
  for (const env of g.envs ?? []) Object.assign(data, readEnvFile(path.resolve(dir, env), where));
  for (const entry of g.files ?? []) {
    const [key, file] = entry.includes("=") ? entry.split("=", 2) : [path.basename(entry), entry];
    const full = path.resolve(dir, file);
    if (!fs.existsSync(full)) throw new Error(`${where}: file ${file} of ${kind} ${g.name} does not exist`);
    data[key] = fs.readFileSync(full, "utf8");
  }
  const encoded = kind === "Secret"
    ? Object.fromEntries(Object.entries(data).map(([key, v]) => [key, Buffer.from(v).toString("base64")]))
    : data;
  const namespace = g.namespace;
  const existing = state.objects.find((o) => o.object.kind === kind && o.object.metadata.name === g.name
    && (o.object.metadata.namespace ?? undefined) === namespace);
  const behavior = g.behavior ?? "create";
  if (behavior === "create") {
    if (existing) throw new Error(`${where}: ${kind} ${g.name} generated twice (use behavior: merge)`);
    const object = { apiVersion: "v1", kind, metadata: { name: g.name } };
    if (namespace) object.metadata.namespace = namespace;
    if (kind === "Secret") object.type = g.type ?? "Opaque";
    object.data = encoded;
    state.objects.push({ object, source: where });
    const hashed = g.options?.disableNameSuffixHash === undefined ? hashByDefault : !g.options.disableNameSuffixHash;
    if (hashed) state.generated.push({ kind, name: g.name });
  } else if (behavior === "merge" || behavior === "replace") {
    if (!existing) throw new Error(`${where}: ${kind} ${g.name} (namespace ${namespace}) to ${behavior} does not exist`);
    existing.object.data = behavior === "merge" ? { ...existing.object.data, ...encoded } : encoded;
    existing.source += ` + ${where}`;
  } else {
    throw new Error(`${where}: unknown generator behavior ${behavior}`);
  }
}

/** KEY=VALUE lines; blank lines and # comments skipped, as kustomize reads env files. */
export function readEnvFile(file, where) {
  if (!fs.existsSync(file)) throw new Error(`${where}: env file ${path.relative(process.cwd(), file)} does not exist`);
  const data = {};
  fs.readFileSync(file, "utf8").split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    const eq = line.indexOf("=");
    if (eq <= 0) throw new Error(`${file}:${i + 1}: not KEY=VALUE: ${line}`);
    data[line.slice(0, eq)] = line.slice(eq + 1);
  });
  return data;
}

function setImage(objects, image) {
  for (const { object } of objects) {
    for (const container of podContainers(object)) {
      const ref = parseImage(container.image);
      if (ref.name !== image.name) continue;
      const name = image.newName ?? ref.name;
      if (image.digest) container.image = `${name}@${image.digest}`;
      else if (image.newTag) container.image = `${name}:${image.newTag}`;
      else container.image = name + (ref.tag ? `:${ref.tag}` : "") + (ref.digest ? `@${ref.digest}` : "");
    }
  }
}

function parseImage(image) {
  const [rest, digest] = image.split("@");
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, tag: undefined, digest };
}

export function podSpec(object) {
  const spec = object.spec ?? {};
  if (object.kind === "Pod") return spec;
  if (object.kind === "CronJob") return spec.jobTemplate?.spec?.template?.spec;
  return spec.template?.spec;
}

export function podContainers(object) {
  const spec = podSpec(object);
  if (!spec) return [];
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

/**
 * The kubectl rendering with its Secret data unwrapped and the content hashes taken out of generated names (`edc-config-
 * 5h2m7t9k2b` becomes `edc-config` wherever it stands), so that it compares with the built-in one.
 */
export function withoutNameHashes(objects, generated) {
  const patterns = generated.map((g) => new RegExp(`^${escape(g.name)}-[a-z0-9]{10}$`));
  const strip = (value) => {
    if (typeof value === "string") {
      for (let i = 0; i < patterns.length; i++) if (patterns[i].test(value)) return generated[i].name;
      return value;
    }
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v)]));
    return value;
  };
  return objects.map(strip).map(unwrapSecretData);
}

/**
 * kustomize wraps the base64 of long Secret values at 76 characters; the API server's decoder
 * skips those newlines (Go's encoding/base64 does), the JSON schema's "byte" format does not.
 */
export function unwrapSecretData(o) {
  if (o.kind !== "Secret" || !o.data) return o;
  return { ...o, data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, String(v).replace(/[\r\n]/g, "")])) };
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
