// Modules of the app must not import each other in a circle: a circle makes load order decide what a
// module sees at start-up, and ties every file in it to every other. Lazy `import()` calls are left out
// of the main check, since they load on demand (the screen table loads its pages that way).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = dirname(fileURLToPath(import.meta.url));

const STATIC = /(?:^|[;\n])\s*(?:import|export)\s+(?:type\s+)?(?:[^;"']*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/g;
const LAZY = /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/** Relative imports and re-exports of a module's text (type-only ones included); `import()` if `lazy`. */
export function relativeImports(text: string, lazy = false): string[] {
  const noComments = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found = [...noComments.matchAll(STATIC)].map((m) => m[1]);
  if (lazy) found.push(...[...noComments.matchAll(LAZY)].map((m) => m[1]));
  return found;
}

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null; // css, json, workers by URL: not modules that can close a circle
}

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name) && !name.startsWith("gql"))
    .map((name) => join(SRC, name));
}

/** Each module of web/src and the modules it imports. */
function importGraph(lazy: boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const targets = relativeImports(readFileSync(file, "utf8"), lazy)
      .map((spec) => resolveModule(file, spec))
      .filter((target): target is string => target !== null);
    graph.set(file, targets);
  }
  return graph;
}

function describeCycles(graph: Map<string, string[]>): string[] {
  return findCycles(graph).map((cycle) => cycle.map((f) => relative(SRC, f)).join(" → "));
}

/** Every circle of imports, each as the files along it (first file repeated at the end). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("imports", () => {
  it("reads static imports and skips lazy ones", () => {
    const text = [
      'import { a } from "./a";',
      'import type { B } from "../b";',
      "import {\n  c,\n  d,\n} from './c';",
      'export { e } from "./e";',
      'import "./side.css";',
      'import { lazy } from "react";',
      'const Page = lazy(() => import("./Page"));',
      '// import { x } from "./commented";',
    ].join("\n");
    expect(relativeImports(text)).toEqual(["./a", "../b", "./c", "./e", "./side.css"]);
    expect(relativeImports(text, true)).toEqual(["./a", "../b", "./c", "./e", "./side.css", "./Page"]);
  });

  it("finds a circle", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "c", "a"]]);
  });

  it("web/src has no import circle", () => {
    const graph = importGraph(false);
    expect(graph.size).toBeGreaterThan(50);
    expect(describeCycles(graph)).toEqual([]);
  });

  it("no page imports back the screen table that loads it", () => {
    // Pages take their props' type from ui/page, not from nav.tsx: otherwise every screen and the table
    // form one circle through the table's lazy imports.
    expect(describeCycles(importGraph(true))).toEqual([]);
  });
});
