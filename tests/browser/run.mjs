// candor browser suite: builds the demo site (public and internal), serves it on 127.0.0.1 and
// drives Debian's Chromium over one page of every type. Checks: no console error, no failed or
// off-site request; axe-core WCAG 2.2 AA in light and dark; the skip link is the first Tab stop
// and moves focus to <main>; every Tab stop shows a focus indicator; the data filter narrows
// the list; at 360 and 390 px every menu item is on screen, the page never scrolls sideways and
// charts scroll inside their box with a cue. Screenshots (1280 and 390 px, light and dark) and
// axe-report.json go to the artifacts directory. The last line printed is "N passed, M failed";
// the exit code is 1 when anything failed.
//
//   node tests/browser/run.mjs --candor target/debug/candor [--artifacts DIR] [--chromium PATH]
//                              [--only SUBSTRING]

import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");

// The site-wide search box and the data index's filter form (words, category, purpose, legal
// basis, recipient) come with branch `ux`, not yet on main: until it lands, their tests are
// skipped (and say why) and the data index's first filter (one text box) is tested instead.
// Set to true in the merge that brings `ux` in.
const UX_LANDED = true;
const WAITS_FOR_UX = "waits for branch ux: no search box or filter form on main yet";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [1280, 390];
const SCHEMES = ["light", "dark"];
// The flags Chromium needs on these machines: no sandbox as root, and no background traffic
// (which the closed network refuses, and which would not be the page's own requests anyway).
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// ---------------------------------------------------------------------------------------------
// Options

function options(argv) {
  const opts = {
    candor: process.env.CANDOR_BIN || null,
    artifacts: path.join(repo, "target", "browser-artifacts"),
    chromium: process.env.CHROMIUM || "/usr/bin/chromium",
    only: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in opts)) throw new Error(`unknown option ${argv[i]}`);
    opts[key] = argv[++i];
  }
  if (!opts.candor) throw new Error("--candor PATH (the candor binary) is required");
  return opts;
}

// ---------------------------------------------------------------------------------------------
// The sites under test

function build(candor, audience, out) {
  const run = spawnSync(
    candor,
    ["build", "--root", repo, "--output", out, "--audience", audience],
    // A fixed date, so review rules (and so the pages) are the same on every run.
    { encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: "1796083200" } },
  );
  if (run.status !== 0) {
    throw new Error(`candor build --audience ${audience} failed:\n${run.stderr}${run.error || ""}`);
  }
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

// A static file server for `root` on 127.0.0.1 and a free port.
function serve(root) {
  const server = createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const type = TYPES[path.extname(file)] || "application/octet-stream";
    res.writeHead(200, { "content-type": type });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, origin: `http://127.0.0.1:${server.address().port}` });
    });
  });
}

// One page of every type: [name, site, path]. `prefer` names the richest demo page; the first
// page of its kind stands in if the demo ever drops it.
function pageTypes(publicDir, internalDir) {
  const pick = (dir, section, prefer) => {
    const rel = prefer ? `${section}/${prefer}/` : `${section}/`;
    if (existsSync(path.join(dir, rel, "index.html"))) return rel;
    throw new Error(`the demo has no ${rel} page: update the browser suite`);
  };
  return [
    ["home", "public", ""],
    ["data index", "public", "data/"],
    ["element", "public", pick(publicDir, "data", "email_address")],
    ["purposes index", "public", "purposes/"],
    ["purpose", "public", pick(publicDir, "purposes", "marketing.communications.email")],
    ["categories index", "public", "categories/"],
    ["category", "public", pick(publicDir, "categories", "user.contact")],
    ["retention", "public", "retention/"],
    ["recipients", "public", "recipients/"],
    ["systems", "public", "systems/"],
    ["models index", "public", "models/"],
    ["model", "public", pick(publicDir, "models", "style-recommender")],
    ["free page", "public", pick(publicDir, "pages", "contact")],
    ["rights", "public", pick(publicDir, "rights", "")],
    ["subjects index", "public", pick(publicDir, "subjects", "")],
    ["subject", "public", pick(publicDir, "subjects", "job_applicant")],
    ["audit (internal)", "internal", pick(internalDir, "audit", "")],
    ["element (internal)", "internal", pick(internalDir, "data", "date_of_birth")],
  ];
}

// ---------------------------------------------------------------------------------------------
// Browser helpers

// A page whose every request is watched: anything not from `origin` is blocked and recorded,
// as are failed requests, HTTP errors, console errors and uncaught exceptions.
async function openPage(browser, origin, { scheme = "light", width = 1280 } = {}) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    colorScheme: scheme,
    reducedMotion: "reduce",
  });
  const problems = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    problems.push(`off-site request: ${url}`);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript(installColourHelpers);
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on("requestfailed", (r) => {
    const why = r.failure() ? r.failure().errorText : "failed";
    if (why !== "net::ERR_BLOCKED_BY_CLIENT") problems.push(`request failed: ${r.url()} (${why})`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { context, page, problems };
}

async function visit(browser, origin, rel, opts) {
  const handle = await openPage(browser, origin, opts);
  const response = await handle.page.goto(`${origin}/${rel}`, { waitUntil: "load" });
  if (!response || !response.ok()) {
    handle.problems.push(`navigation: ${response ? response.status() : "no response"}`);
  }
  return handle;
}

function assertClean(problems, where) {
  if (problems.length) throw new Error(`${where}:\n  ${problems.join("\n  ")}`);
}

const AXE_SOURCE = require.resolve("axe-core/axe.min.js");

// axe-core with the WCAG 2.2 AA tags, after opening every <details> so collapsed chart tables
// are checked too. The script is injected from node_modules, not fetched.
async function axe(page) {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(
    (tags) =>
      window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    AXE_TAGS,
  );
}

function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 6)
        .map((n) => `      ${n.target.join(" ")}${n.failureSummary ? `: ${n.failureSummary.split("\n").slice(1).join(" ").trim()}` : ""}`)
        .join("\n");
      const more = v.nodes.length > 6 ? `\n      ... and ${v.nodes.length - 6} more` : "";
      return `    ${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? "" : "s"}): ${v.help}\n${nodes}${more}`;
    })
    .join("\n");
}

// Runs in every page before its own scripts: `window.__candor.contrast(el, colour)`, the contrast
// ratio of a CSS colour against what is behind `el` (its nearest opaque background).
function installColourHelpers() {
  const parse = (c) => {
    let m = /^rgba?\(([^)]*)\)$/.exec(c);
    if (m) {
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0] / 255, p[1] / 255, p[2] / 255, p.length > 3 ? p[3] : 1];
    }
    m = /^color\(srgb ([^)]*)\)$/.exec(c);
    if (m) {
      const p = m[1].split(/[\s/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    return null;
  };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) layers.push(c);
      if (c && c[3] === 1) break;
    }
    return layers.reduceRight((under, top) => over(top, under), [1, 1, 1, 1]);
  };
  const luminance = ([r, g, b]) => {
    const lin = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  window.__candor = {
    contrast(el, colour) {
      const bg = background(el);
      const c = parse(colour);
      return c ? Math.round(ratio(over(c, bg), bg) * 100) / 100 : null;
    },
  };
}

// What has focus: a short description, and whether it shows a focus indicator.
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body) return { none: true };
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  // An outline of 2 px or more, with 3:1 against what surrounds the element (WCAG 1.4.11).
  const outlineContrast = window.__candor.contrast(el.parentElement || el, style.outlineColor);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && outlineContrast >= 3;
  const ring = style.boxShadow && style.boxShadow !== "none";
  const label = (el.textContent || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ");
  return {
    none: false,
    tag: el.tagName.toLowerCase(),
    id: el.id,
    className: typeof el.className === "string" ? el.className : "",
    label: label.slice(0, 50),
    visible: outline || ring,
    outlineContrast,
    inView: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight &&
      rect.right > 0 && rect.left < innerWidth,
    inMain: !!el.closest("main"),
  };
}

// Structural checks axe leaves to best practice or does not make: runs in the page, returns
// the problems found.
function structure() {
  const problems = [];
  const lang = document.documentElement.getAttribute("lang");
  if (!lang || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang)) problems.push(`<html lang="${lang}">`);
  const count = (sel) => document.querySelectorAll(sel).length;
  if (count("main") !== 1) problems.push(`${count("main")} <main> elements`);
  if (count("body > header") !== 1) problems.push("no page <header> (banner)");
  if (count("body > footer") !== 1) problems.push("no page <footer> (contentinfo)");
  document.querySelectorAll("nav").forEach((n) => {
    if (!n.getAttribute("aria-label") && !n.getAttribute("aria-labelledby")) problems.push("a <nav> without a label");
  });
  const outside = [...document.body.children].filter(
    (el) => !el.matches("header, main, footer, script, a.skip-link, [role=note]"),
  );
  if (outside.length) problems.push(`content outside landmarks: <${outside[0].tagName.toLowerCase()} class="${outside[0].className}">`);
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  const h1s = headings.filter((h) => h.tagName === "H1");
  if (h1s.length !== 1) problems.push(`${h1s.length} <h1> elements`);
  if (headings.length && headings[0].tagName !== "H1") problems.push(`the first heading is <${headings[0].tagName.toLowerCase()}>`);
  let level = 0;
  for (const h of headings) {
    const l = Number(h.tagName[1]);
    if (l > level + 1) problems.push(`<h${l}> "${h.textContent.trim().slice(0, 40)}" follows <h${level}>`);
    level = l;
  }
  if (document.querySelector("main h1") !== h1s[0]) problems.push("the <h1> is not inside <main>");
  document.querySelectorAll("svg.candor-chart").forEach((svg) => {
    const id = svg.id || "(chart)";
    const ids = (svg.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
    const title = svg.querySelector(":scope > title");
    const desc = svg.querySelector(":scope > desc");
    if (svg.getAttribute("role") !== "img") problems.push(`${id}: no role="img"`);
    if (!title || !title.textContent.trim() || !ids.includes(title.id)) problems.push(`${id}: no <title> it is labelled by`);
    if (!desc || !desc.textContent.trim() || !ids.includes(desc.id)) problems.push(`${id}: no <desc> it is described by`);
    const figure = svg.closest("figure");
    if (!figure || !figure.querySelector("figcaption")) problems.push(`${id}: not in a <figure> with a caption`);
    const details = figure && figure.nextElementSibling;
    const table = details && details.matches("details") && details.querySelector("table");
    if (!table || !table.querySelector("caption") || table.querySelectorAll("tbody tr").length === 0) {
      problems.push(`${id}: no table of its numbers right after it`);
    }
  });
  // Form fields must be recognisable as fields: their border or their fill has 3:1 against
  // what surrounds them (WCAG 1.4.11, non-text contrast).
  document.querySelectorAll("input:not([type=hidden]), select, textarea").forEach((field) => {
    if (!field.offsetParent) return;
    const style = getComputedStyle(field);
    const around = field.parentElement;
    const border = parseFloat(style.borderTopWidth) > 0 ? window.__candor.contrast(around, style.borderTopColor) : 0;
    const fill = window.__candor.contrast(around, style.backgroundColor);
    if (Math.max(border, fill) < 3) {
      problems.push(`#${field.id || field.name || field.type}: its border has ${border}:1 against the page (needs 3:1)`);
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// A tiny test runner: sequential, one line per test, a closing "N passed, M failed".

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
test.skip = (name, why) => tests.push({ name, skip: why });

async function runAll(only) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    if (t.skip) {
      skipped++;
      console.log(`skip  ${t.name} (${t.skip})`);
      continue;
    }
    const started = Date.now();
    const took = () => `(${((Date.now() - started) / 1000).toFixed(1)} s)`;
    try {
      await t.fn();
      passed++;
      console.log(`ok    ${t.name} ${took()}`);
    } catch (e) {
      failed++;
      console.log(`FAIL  ${t.name} ${took()}\n${String(e && e.message ? e.message : e).replace(/^/gm, "  ")}`);
    }
  }
  return { passed, failed, skipped };
}

// ---------------------------------------------------------------------------------------------
// The suite

async function main() {
  const opts = options(process.argv.slice(2));
  const artifacts = path.resolve(opts.artifacts);
  const shots = path.join(artifacts, "screenshots");
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });

  const dirs = { public: path.join(artifacts, "site-public"), internal: path.join(artifacts, "site-internal") };
  build(opts.candor, "public", dirs.public);
  build(opts.candor, "internal", dirs.internal);
  const servers = { public: await serve(dirs.public), internal: await serve(dirs.internal) };
  const browser = await chromium.launch({ executablePath: opts.chromium, args: CHROMIUM_ARGS });
  const axeSummary = []; // { page, scheme, width, violations, nodes }
  const axeDetail = {};

  try {
    // The guards must be able to fail, or a clean result means nothing.
    test("guards catch an off-site request, a console error and a missing file", async () => {
      const { origin } = servers.public;
      const { context, page, problems } = await visit(browser, origin, "");
      await page.evaluate(() => {
        console.error("planted");
        return Promise.allSettled([fetch("https://example.com/x.js"), fetch("nope/missing.css")]);
      });
      await context.close();
      const want = [/^off-site request: https:\/\/example\.com\/x\.js/, /^console error: planted/, /^HTTP 404: .*nope\/missing\.css/];
      for (const w of want) {
        if (!problems.some((p) => w.test(p))) throw new Error(`not caught: ${w}\n  got: ${problems.join("; ")}`);
      }
    });

    for (const [name, site, rel] of pageTypes(dirs.public, dirs.internal)) {
      const { origin } = servers[site];
      const slug = name.replace(/[^a-z0-9]+/g, "-").replace(/-$/, "");

      test(`${name}: loads with no console error, failed or off-site request (screenshots)`, async () => {
        for (const scheme of SCHEMES) {
          for (const width of WIDTHS) {
            const { context, page, problems } = await visit(browser, origin, rel, { scheme, width });
            await page.screenshot({ path: path.join(shots, `${slug}-${width}-${scheme}.png`), fullPage: true });
            // Reflow (WCAG 1.4.10): wide content scrolls inside its own box, never the page.
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
            if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow} px`);
            await context.close();
            assertClean(problems, `/${rel} (${scheme}, ${width} px)`);
          }
        }
      });

      for (const scheme of SCHEMES) {
        test(`${name}: axe WCAG 2.2 AA finds nothing (${scheme})`, async () => {
          const report = [];
          for (const width of WIDTHS) {
            const { context, page, problems } = await visit(browser, origin, rel, { scheme, width });
            const result = await axe(page);
            await context.close();
            assertClean(problems, `/${rel} (${scheme}, ${width} px)`);
            const nodes = result.violations.reduce((n, v) => n + v.nodes.length, 0);
            axeSummary.push({ page: name, scheme, width, violations: result.violations.length, nodes });
            axeDetail[`${name} ${scheme} ${width}`] = result.violations;
            if (result.violations.length) {
              report.push(`  ${width} px:\n${describeViolations(result.violations)}`);
            }
          }
          if (report.length) throw new Error(`/${rel} (${scheme}):\n${report.join("\n")}`);
        });
      }

      test(`${name}: lang, landmarks, one h1, headings in order, charts with title, description and table`, async () => {
        for (const scheme of SCHEMES) {
          const { context, page, problems } = await visit(browser, origin, rel, { scheme });
          const found = await page.evaluate(structure);
          await context.close();
          assertClean([...problems, ...found], `/${rel} (${scheme})`);
        }
      });

      test(`${name}: Tab reaches the skip link first, and it moves focus to main`, async () => {
        const { context, page, problems } = await visit(browser, origin, rel);
        try {
          await page.keyboard.press("Tab");
          const first = await page.evaluate(focusState);
          if (first.none || !first.className.includes("skip-link")) {
            throw new Error(`first Tab stop is ${first.none ? "nothing" : `<${first.tag} class="${first.className}"> ${first.label}`}, not the skip link`);
          }
          if (!first.inView) throw new Error("the focused skip link is not on screen");
          if (!first.visible) throw new Error("the focused skip link shows no focus indicator");
          if (rel === "") await page.screenshot({ path: path.join(shots, "home-skip-link-focused.png") });
          await page.keyboard.press("Enter");
          const target = await page.evaluate(() => document.activeElement && document.activeElement.id);
          if (target !== "main") throw new Error(`after Enter, focus is on #${target || "(body)"}, not #main`);
          await page.keyboard.press("Tab");
          const next = await page.evaluate(focusState);
          if (next.none || !next.inMain) {
            throw new Error(`the Tab after the skip link goes to ${next.none ? "nothing" : `<${next.tag}> ${next.label}`}, outside main`);
          }
          assertClean(problems, `/${rel}`);
        } finally {
          await context.close();
        }
      });

      test(`${name}: every Tab stop shows a focus indicator and is on screen`, async () => {
        const runs = [["light", 1280], ["light", 390], ["dark", 1280]];
        for (const [scheme, width] of runs) {
          const { context, page, problems } = await visit(browser, origin, rel, { scheme, width });
          try {
            const bad = [];
            let stops = 0;
            for (; stops < 500; stops++) {
              await page.keyboard.press("Tab");
              const f = await page.evaluate(focusState);
              if (f.none) break; // focus left the page: every stop was visited
              if (!f.visible || !f.inView) {
                const why = !f.visible ? `no focus indicator (outline contrast ${f.outlineContrast}:1)` : "off screen";
                bad.push(`<${f.tag}${f.id ? ` id="${f.id}"` : ""}${f.className ? ` class="${f.className}"` : ""}> ${f.label}: ${why}`);
              }
            }
            if (stops === 500) bad.push("more than 500 Tab stops: a keyboard trap?");
            if (stops < 3) bad.push(`only ${stops} Tab stops`);
            if (bad.length) throw new Error(`/${rel} (${scheme}, ${width} px):\n  ${bad.slice(0, 12).join("\n  ")}`);
            assertClean(problems, `/${rel} (${scheme}, ${width} px)`);
          } finally {
            await context.close();
          }
        }
      });
    }

    // Phones: the whole menu on screen (it wraps), no sideways page scroll, and the wide
    // charts (the heat map, the retention chart) scroll inside their box with a visible cue.
    for (const width of [360, 390]) {
      test(`phones (${width} px): every menu item on screen, no sideways scroll, charts scroll in their box, axe-clean`, async () => {
        const pages = [["", false], ["retention/", true], ["purposes/", true], ["data/email_address/", false]];
        for (const [rel, hasChart] of pages) {
          const { context, page, problems } = await visit(browser, servers.public.origin, rel, { width });
          try {
            const found = await page.evaluate(() => {
              const out = [];
              const links = [...document.querySelectorAll(".main-nav a")];
              if (links.length < 6) out.push(`only ${links.length} menu items`);
              for (const a of links) {
                const r = a.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                if (r.width === 0 || r.left < 0 || r.right > innerWidth || !(hit === a || a.contains(hit))) {
                  out.push(`menu item "${a.textContent.trim()}" is not on screen (${Math.round(r.left)}–${Math.round(r.right)} of ${innerWidth} px)`);
                }
              }
              const overflow = document.documentElement.scrollWidth - innerWidth;
              if (overflow > 0) out.push(`the page scrolls sideways by ${overflow} px`);
              const charts = [...document.querySelectorAll(".chart-svg")].map((box) => {
                const style = getComputedStyle(box);
                const before = box.scrollLeft;
                box.scrollLeft = 60;
                const moved = box.scrollLeft > before;
                box.scrollLeft = before;
                const mask = style.maskImage || style.webkitMaskImage || "none";
                return { id: box.closest("figure") && box.closest("figure").id, scrolls: box.scrollWidth > box.clientWidth && moved, cue: mask !== "none" };
              });
              return { out, charts };
            });
            const bad = [...found.out];
            if (hasChart && found.charts.length === 0) bad.push("no chart");
            for (const c of found.charts) {
              if (!c.scrolls) bad.push(`${c.id}: does not scroll inside its box`);
              if (!c.cue) bad.push(`${c.id}: no cue that it scrolls`);
            }
            await page.screenshot({ path: path.join(shots, `phone-${rel.replace(/[^a-z0-9]+/g, "-") || "home"}-${width}.png`) });
            const result = await axe(page);
            if (result.violations.length) bad.push(`axe:\n${describeViolations(result.violations)}`);
            if (bad.length) throw new Error(`/${rel} (${width} px):\n  ${bad.join("\n  ")}`);
            assertClean(problems, `/${rel} (${width} px)`);
          } finally {
            await context.close();
          }
        }
      });
    }

    if (UX_LANDED) {
      test("search: typing finds Email address; arrow keys and Enter open its page", async () => {
        // From a page two levels down, so result links must resolve against the site root.
        const { context, page, problems } = await visit(browser, servers.public.origin, "models/style-recommender/");
        try {
          const input = page.locator("form.site-search input[type=search]");
          await input.focus();
          await input.pressSequentially("email");
          const first = page.locator(".search-results:not([hidden]) li a").first();
          await first.waitFor();
          const name = (await first.locator(".result-name").textContent()).trim();
          if (name !== "Email address") throw new Error(`the first result is "${name}", not "Email address"`);
          const status = (await page.locator("form.site-search [role=status]").textContent()).trim();
          if (!/\d/.test(status)) throw new Error(`the live status says "${status}", not how many were found`);
          await page.keyboard.press("ArrowDown");
          const focused = await page.evaluate(() => document.activeElement.textContent);
          if (!focused.includes("Email address")) throw new Error(`ArrowDown focused "${focused}"`);
          await Promise.all([page.waitForURL(/\/data\/email_address\/index\.html$/), page.keyboard.press("Enter")]);
          const h1 = (await page.locator("h1").textContent()).trim();
          if (h1 !== "Email address") throw new Error(`the result opened a page titled "${h1}"`);
          await input.fill("zzzz-no-such-data");
          await page.locator(".search-results:not([hidden]) .result-none").waitFor();
          if (await page.locator(".search-results li").count()) throw new Error("a search matching nothing lists results");
          assertClean(problems, "search");
        } finally {
          await context.close();
        }
      });

      test("data index: the filters narrow the list, follow the URL, and reset restores it", async () => {
        const { context, page, problems } = await visit(browser, servers.public.origin, "data/");
        try {
          const form = page.locator("#filters");
          if (!(await form.isVisible())) throw new Error("the filter form is not shown (candor.js did not run?)");
          const total = await page.locator(".element-card").count();
          const shown = () => page.locator(".element-card:not([hidden])").count();
          if ((await shown()) !== total || total < 2) throw new Error(`before filtering ${await shown()} of ${total} shown`);
          await page.locator("#f-q").fill("email");
          const narrowed = await shown();
          if (!(narrowed > 0 && narrowed < total)) throw new Error(`"email" leaves ${narrowed} of ${total}`);
          const texts = await page.locator(".element-card:not([hidden])").allTextContents();
          const strays = texts.filter((t) => !t.toLowerCase().includes("email"));
          if (strays.length) throw new Error(`shown without "email": ${strays[0].trim().slice(0, 60)}`);
          if (!(await page.locator(".element-card:not([hidden]) h3", { hasText: "Email address" }).count())) {
            throw new Error("Email address is not among the matches");
          }
          const status = (await page.locator("#filters .filter-status").textContent()).trim();
          if (!status.includes(String(narrowed)) || !status.includes(String(total))) throw new Error(`status says "${status}"`);
          if (!page.url().endsWith("?q=email")) throw new Error(`the URL does not keep the filter: ${page.url()}`);
          // A purpose narrows to the cards with a use under it, showing only those uses.
          await page.locator("button[type=reset]").click();
          await page.waitForFunction((n) => document.querySelectorAll(".element-card:not([hidden])").length === n, total);
          await page.locator("#f-p").selectOption("marketing");
          const marketing = await shown();
          if (!(marketing > 0 && marketing < total)) throw new Error(`purpose "marketing" leaves ${marketing} of ${total}`);
          const offPurpose = await page.locator('.element-card:not([hidden]) li[data-p]:not([hidden])').evaluateAll(
            (lis) => lis.map((li) => li.dataset.p).filter((p) => p !== "marketing" && !p.startsWith("marketing.")),
          );
          if (offPurpose.length) throw new Error(`uses for other purposes stay visible: ${offPurpose.join(", ")}`);
          // Nothing matches: every group hides and the "none match" note shows.
          await page.locator("#f-q").fill("zzzz-no-such-data");
          if ((await shown()) !== 0) throw new Error("a filter matching nothing still shows cards");
          if (await page.locator("section.group:not([hidden])").count()) throw new Error("groups with no match stay visible");
          if (!(await page.locator(".filter-none").isVisible())) throw new Error("no note says nothing matches");
          assertClean(problems, "/data/");
        } finally {
          await context.close();
        }
        // The URL alone applies the filter (the search box's "all results" link relies on it).
        const again = await visit(browser, servers.public.origin, "data/?q=email");
        try {
          const value = await again.page.locator("#f-q").inputValue();
          const n = await again.page.locator(".element-card:not([hidden])").count();
          const total = await again.page.locator(".element-card").count();
          if (value !== "email" || !(n > 0 && n < total)) throw new Error(`data/?q=email shows ${n} of ${total} (box: "${value}")`);
          assertClean(again.problems, "/data/?q=email");
        } finally {
          await again.context.close();
        }
      });
    } else {
      test.skip("search: typing finds Email address; arrow keys and Enter open its page", WAITS_FOR_UX);
      test.skip("data index: the filters narrow the list, follow the URL, and reset restores it", WAITS_FOR_UX);

      test("data index: the text filter narrows the list of data and clearing it restores the list", async () => {
        const { context, page, problems } = await visit(browser, servers.public.origin, "data/");
        try {
          const input = page.locator("#filter-input");
          if (!(await input.isVisible())) throw new Error("the filter box is not shown (candor.js did not run?)");
          const total = await page.locator(".element-card").count();
          const shown = () => page.locator(".element-card:not([hidden])").count();
          if ((await shown()) !== total || total < 2) throw new Error(`before filtering ${await shown()} of ${total} shown`);
          await input.fill("email");
          const narrowed = await shown();
          if (!(narrowed > 0 && narrowed < total)) throw new Error(`"email" leaves ${narrowed} of ${total}`);
          const texts = await page.locator(".element-card:not([hidden])").allTextContents();
          const strays = texts.filter((t) => !t.toLowerCase().includes("email"));
          if (strays.length) throw new Error(`shown without "email": ${strays[0].trim().slice(0, 60)}`);
          if (!(await page.locator(".element-card:not([hidden]) h3", { hasText: "Email address" }).count())) {
            throw new Error("Email address is not among the matches");
          }
          const status = (await page.locator(".filter-status").textContent()).trim();
          if (status !== `${narrowed} of ${total} shown`) throw new Error(`status says "${status}"`);
          await input.fill("zzzz-no-such-data");
          if ((await shown()) !== 0) throw new Error("a filter matching nothing still shows cards");
          if (await page.locator("section.group:not([hidden])").count()) {
            throw new Error("category groups with no match stay visible");
          }
          await input.fill("");
          if ((await shown()) !== total) throw new Error(`after clearing ${await shown()} of ${total} shown`);
          assertClean(problems, "/data/");
        } finally {
          await context.close();
        }
      });
    }

    const results = await runAll(opts.only);
    printAxeSummary(axeSummary);
    writeFileSync(path.join(artifacts, "axe-report.json"), JSON.stringify({ tags: AXE_TAGS, summary: axeSummary, violations: axeDetail }, null, 2));
    console.log(`screenshots and axe-report.json: ${artifacts}`);
    if (results.skipped) console.log(`${results.skipped} skipped`);
    console.log(`${results.passed} passed, ${results.failed} failed`);
    return results.failed === 0 ? 0 : 1;
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) s.server.close();
  }
}

function printAxeSummary(rows) {
  if (!rows.length) return;
  const pages = [...new Set(rows.map((r) => r.page))];
  const cols = SCHEMES.flatMap((s) => WIDTHS.map((w) => [s, w]));
  const head = ["page", ...cols.map(([s, w]) => `${s} ${w}`)];
  const body = pages.map((p) => [
    p,
    ...cols.map(([s, w]) => {
      const r = rows.find((x) => x.page === p && x.scheme === s && x.width === w);
      return r ? `${r.violations} (${r.nodes})` : "-";
    }),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  console.log(`\naxe-core ${require("axe-core/package.json").version} (${AXE_TAGS.join(", ")}): violations (nodes) per page`);
  console.log(line(head));
  for (const b of body) console.log(line(b));
  const total = rows.reduce((n, r) => n + r.violations, 0);
  console.log(`total: ${total} violation${total === 1 ? "" : "s"} in ${rows.length} runs\n`);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e && e.stack ? e.stack : e);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
