// Every object against the Kubernetes (and KEDA) schemas, twice:
// - the JSON schemas of the kubernetes-models packages (types, required fields, enums, formats);
// - the same packages' TypeScript declarations, through the TypeScript compiler's excess-property
//   check, for what the JSON schemas let through: a field that does not exist (a misspelt
//   `readinesProbe` would otherwise pass, and the API server would drop or refuse it).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, "..");

/** The package holding the models of an API group (core and built-in groups: kubernetes-models). */
const CRD_PACKAGES = { "keda.sh": "@kubernetes-models/keda" };

export function modelModule(apiVersion) {
  const slash = apiVersion.indexOf("/");
  if (slash < 0) return `kubernetes-models/${apiVersion}`;
  const group = apiVersion.slice(0, slash);
  const pkg = CRD_PACKAGES[group] ?? (group.includes(".") && !group.endsWith(".k8s.io") ? null : "kubernetes-models");
  return pkg && `${pkg}/${apiVersion}`;
}

/** [{id, message}] for every object the JSON schemas refuse or that no model knows. */
export async function checkSchemas(objects) {
  const problems = [];
  for (const { object, id } of objects) {
    const module = modelModule(object.apiVersion);
    let Model;
    try {
      Model = module && (await import(module))[object.kind];
    } catch {
      Model = undefined;
    }
    if (!Model) {
      problems.push({ id, message: `no schema for ${object.apiVersion} ${object.kind} (add its models package to lib/schemas.mjs)` });
      continue;
    }
    try {
      new Model(object).validate();
    } catch (e) {
      const errors = e.errors ?? [{ instancePath: "", message: e.message }];
      for (const err of errors.slice(0, 10)) {
        problems.push({ id, message: `${err.instancePath || "/"} ${err.message}${err.params?.allowedValues ? ` (${err.params.allowedValues.join(", ")})` : ""}` });
      }
    }
  }
  return problems;
}

/** [{id, message}] for every field the models' type declarations do not have. */
export function checkUnknownFields(objects) {
  const lines = [];
  const owners = []; // line index -> {id, path}
  const imports = new Map();
  objects.forEach(({ object }, i) => {
    const module = modelModule(object.apiVersion);
    if (!module || !modelExists(module, object.kind)) return; // checkSchemas reports it
    const type = `T${imports.size}`;
    const key = `${module}/${object.kind}`;
    if (!imports.has(key)) imports.set(key, { type, module: `${module}/${object.kind}`, name: `I${object.kind}` });
    const t = imports.get(key).type;
    lines.push(`export const o${i}: ${t} = `);
    owners.push({ index: i, path: "" });
    serialize(object, "", 0, lines, owners, i);
    lines[lines.length - 1] += ";";
  });
  const header = [...imports.values()].map((m) => `import type { ${m.name} as ${m.type} } from "${m.module}";`);
  const source = [...header, ...lines].join("\n") + "\n";
  const dir = path.join(packageDir, ".cache");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "manifests.ts");
  fs.writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const problems = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
    if (!d.file || d.file.fileName !== file) {
      problems.push({ id: "typescript", message: text });
      continue;
    }
    const line = d.file.getLineAndCharacterOfPosition(d.start).line - header.length;
    const owner = owners[Math.max(0, Math.min(line, owners.length - 1))];
    problems.push({ id: objects[owner.index].id, message: `${owner.path || "/"}: ${text.replace(/'"(.*?)"'/g, "'$1'")}` });
  }
  return problems;
}

function modelExists(module, kind) {
  const dir = module.startsWith("@") ? module.split("/").slice(0, 2).join("/") : module.split("/")[0];
  const rest = module.slice(dir.length + 1);
  return fs.existsSync(path.join(packageDir, "node_modules", dir, rest, `${kind}.d.ts`));
}

/** JSON, one property or element a line, remembering the path of each line. */
function serialize(value, at, depth, lines, owners, index) {
  const pad = "  ".repeat(depth + 1);
  const append = (text, p) => { lines.push(pad + text); owners.push({ index, path: p }); };
  if (Array.isArray(value)) {
    lines[lines.length - 1] += "[";
    value.forEach((v, i) => {
      if (v !== null && typeof v === "object") {
        append("", `${at}/${i}`);
        serialize(v, `${at}/${i}`, depth + 1, lines, owners, index);
      } else {
        append(JSON.stringify(v), `${at}/${i}`);
      }
      lines[lines.length - 1] += ",";
    });
    append("]", at);
  } else if (value !== null && typeof value === "object") {
    lines[lines.length - 1] += "{";
    for (const [k, v] of Object.entries(value)) {
      const p = `${at}/${k}`;
      if (v !== null && typeof v === "object") {
        append(`${JSON.stringify(k)}: `, p);
        serialize(v, p, depth + 1, lines, owners, index);
      } else {
        append(`${JSON.stringify(k)}: ${JSON.stringify(v)}`, p);
      }
      lines[lines.length - 1] += ",";
    }
    append("}", at);
  } else {
    lines[lines.length - 1] += JSON.stringify(value);
  }
}
