// The Grafana dashboard: it parses, its datasource is the templated `${datasource}` everywhere,
// its layout holds together, and every PromQL expression parses (Prometheus' own grammar,
// @prometheus-io/lezer-promql) and names only metrics and labels EDC exports (metrics.json).
import fs from "node:fs";
import { parser } from "@prometheus-io/lezer-promql";

const RANGE_FUNCTIONS = new Set(["rate", "irate", "increase", "delta", "idelta", "deriv", "resets", "changes",
  "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "quantile_over_time",
  "last_over_time", "stddev_over_time", "present_over_time"]);
const DATASOURCE_REFS = new Set(["${datasource}", "$datasource"]);

export function loadCatalog(file) {
  const catalog = JSON.parse(fs.readFileSync(file, "utf8"));
  const series = new Map(); // series name -> {family, labels}
  for (const group of ["edc", "edcSoon", "spring", "prometheus"]) {
    for (const [family, { type, labels }] of Object.entries(catalog[group])) {
      const names = type === "timer" ? ["_bucket", "_count", "_sum", "_max"].map((s) => family + s)
        : type === "long-task-timer" ? ["_bucket", "_gcount", "_gsum", "_max"].map((s) => family + s)
          : type === "summary" ? ["_count", "_sum", "_max"].map((s) => family + s)
            : [family];
      for (const name of names) series.set(name, { family, group, labels: new Set([...labels, ...(name.endsWith("_bucket") ? ["le"] : [])]) });
    }
  }
  return { series, targetLabels: new Set(catalog.targetLabels), families: catalog };
}

/** {problems: [{id, message}], expressions: n, metricsUsed: Set} */
export function checkDashboard(file, catalog) {
  const problems = [];
  const report = (id, message) => problems.push({ id, message });
  let dashboard;
  try {
    dashboard = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    report("dashboard", `does not parse: ${e.message}`);
    return { problems, expressions: 0, metricsUsed: new Set() };
  }
  for (const field of ["title", "uid", "schemaVersion", "panels", "templating"]) {
    if (dashboard[field] === undefined) report("dashboard", `no ${field}`);
  }
  const variables = dashboard.templating?.list ?? [];
  const ds = variables.find((v) => v.name === "datasource");
  if (!ds || ds.type !== "datasource" || ds.query !== "prometheus") {
    report("dashboard", 'no template variable "datasource" of type datasource over prometheus');
  }
  if (dashboard.__inputs?.length) report("dashboard", "__inputs: the datasource comes from the ${datasource} variable, not from an import input");
  // Every datasource reference anywhere (panels, targets, variables, annotations) is the variable.
  walk(dashboard, (key, value, at) => {
    if (key !== "datasource") return;
    const uid = typeof value === "string" ? value : value?.uid;
    if (value?.type === "grafana" && uid === "-- Grafana --") return; // the built-in annotations
    if (!DATASOURCE_REFS.has(uid)) report(`dashboard${at}`, `datasource ${JSON.stringify(value)} is not \${datasource}`);
  });

  const metricsUsed = new Set();
  let expressions = 0;
  const panels = [];
  for (const p of dashboard.panels ?? []) {
    panels.push(p);
    for (const inner of p.panels ?? []) panels.push(inner); // collapsed rows
  }
  const ids = new Set();
  for (const p of panels) {
    const id = `panel ${p.id} "${p.title}"`;
    if (ids.has(p.id)) report(id, "duplicate panel id");
    ids.add(p.id);
    const g = p.gridPos;
    if (!g || g.w <= 0 || g.h <= 0 || g.x < 0 || g.x + g.w > 24) report(id, `gridPos ${JSON.stringify(g)} outside the 24-column grid`);
    if (p.type === "row" || p.type === "text") continue;
    if (!p.targets?.length) report(id, "no query");
    for (const t of p.targets ?? []) {
      expressions++;
      for (const problem of checkExpression(t.expr ?? "", catalog, metricsUsed)) report(`${id} ${t.refId}`, problem);
    }
  }
  for (const v of variables.filter((x) => x.type === "query")) {
    const query = typeof v.query === "string" ? v.query : v.query?.query ?? "";
    const m = /^label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{[^}]*\})?\s*,\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$/.exec(query);
    if (!m) {
      report(`variable ${v.name}`, `query ${query} is not label_values(metric, label)`);
      continue;
    }
    const s = catalog.series.get(m[1]);
    if (!s) report(`variable ${v.name}`, `metric ${m[1]} is not exported by EDC`);
    else if (!s.labels.has(m[2]) && !catalog.targetLabels.has(m[2])) report(`variable ${v.name}`, `${m[1]} has no label ${m[2]}`);
    else metricsUsed.add(s.family);
  }
  return { problems, expressions, metricsUsed };
}

/** Problems of one expression, after Grafana's variables are replaced by sample values. */
export function checkExpression(expr, catalog, metricsUsed = new Set()) {
  if (!expr.trim()) return ["empty expression"];
  const query = expr
    .replace(/\$__(rate_interval|interval|range)\b/g, "5m")
    .replace(/\[\[\s*(\w+)\s*\]\]|\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, "sample");
  const tree = parser.parse(query);
  const problems = [];
  const used = [];
  const grouping = [];
  tree.iterate({
    enter(node) {
      const text = query.slice(node.from, node.to);
      if (node.type.isError) problems.push(`does not parse at ${node.from}: …${query.slice(Math.max(0, node.from - 20), node.from + 20)}…`);
      if (node.name === "VectorSelector") {
        const ident = node.node.getChild("Identifier");
        const matchers = node.node.getChild("LabelMatchers");
        const labels = [];
        if (matchers) {
          let c = matchers.firstChild;
          while (c) {
            const name = c.getChild("LabelName");
            if (name) labels.push(query.slice(name.from, name.to));
            c = c.nextSibling;
          }
        }
        used.push({ metric: ident ? query.slice(ident.from, ident.to) : null, labels });
      }
      if (node.name === "GroupingLabels") {
        let c = node.node.firstChild;
        while (c) {
          if (c.name === "LabelName") grouping.push(query.slice(c.from, c.to));
          c = c.nextSibling;
        }
      }
      if (node.name === "FunctionCall") {
        const fn = node.node.getChild("FunctionIdentifier");
        const name = fn && query.slice(fn.from, fn.to);
        const body = node.node.getChild("FunctionCallBody");
        const arg = body?.firstChild; // the first argument
        if (RANGE_FUNCTIONS.has(name) && arg && arg.name !== "MatrixSelector" && arg.name !== "SubqueryExpr") {
          problems.push(`${name}() needs a range vector: ${text}`);
        }
      }
    },
  });
  const allowed = new Set(catalog.targetLabels);
  for (const { metric, labels } of used) {
    if (!metric) {
      problems.push("a selector without a metric name");
      continue;
    }
    const s = catalog.series.get(metric);
    if (!s) {
      problems.push(`metric ${metric} is not exported by EDC (deploy/validate/metrics.json)`);
      continue;
    }
    metricsUsed.add(s.family);
    for (const l of s.labels) allowed.add(l);
    for (const l of labels) if (!s.labels.has(l) && !catalog.targetLabels.has(l)) problems.push(`${metric} has no label ${l}`);
  }
  for (const l of grouping) if (!allowed.has(l)) problems.push(`grouping by ${l}, a label none of its metrics has`);
  return problems;
}

function walk(value, visit, at = "") {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${at}/${i}`));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      visit(k, v, at);
      walk(v, visit, `${at}/${k}`);
    }
  }
}
