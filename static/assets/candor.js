// candor: progressive enhancements, no dependencies. Every page is complete without them:
// the search box then opens the full list of what is collected, and the list's filters stay
// hidden. Text from the site is only ever set with textContent, never parsed as HTML.
(function () {
  "use strict";

  /** Lowercase without accents, so "cafe" finds "Café". */
  function fold(s) {
    s = String(s || "").toLowerCase();
    return s.normalize ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }

  function words(q) {
    return fold(q).split(/\s+/).filter(Boolean);
  }

  /** A translation: "one|other" picked by n, then {name} placeholders filled. */
  function fill(text, n, args) {
    var forms = String(text || "").split("|");
    var form = forms.length > 1 && n !== 1 ? forms[1] : forms[0];
    return form.replace(/\{(\w+)\}/g, function (all, name) {
      if (name === "n" && n !== null) return String(n);
      return Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : all;
    });
  }

  function query() {
    var out = {};
    (window.location.search || "").replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var kv = pair.split("=");
      try {
        out[decodeURIComponent(kv[0])] = decodeURIComponent((kv[1] || "").replace(/\+/g, " "));
      } catch (e) {
        /* a malformed parameter is ignored */
      }
    });
    return out;
  }

  // --- The data index: filter by words, category, purpose, legal basis and recipient -------
  function initFilters(form) {
    var f = form.elements;
    var status = form.querySelector(".filter-status");
    var none = document.querySelector(".filter-none");
    var groups = [].slice.call(document.querySelectorAll(".group"));
    var items = [].slice.call(document.querySelectorAll(".element-card")).map(function (card) {
      return {
        card: card,
        c: card.getAttribute("data-c") || "",
        uses: [].slice.call(card.querySelectorAll("li[data-p]")).map(function (li) {
          return {
            li: li,
            p: li.getAttribute("data-p") || "",
            b: li.getAttribute("data-b") || "",
            r: (li.getAttribute("data-r") || "").split(" ").filter(Boolean)
          };
        })
      };
    });
    var texts = null;

    function under(key, chosen) {
      return !chosen || key === chosen || key.indexOf(chosen + ".") === 0;
    }

    function useMatches(u, v) {
      if (!under(u.p, v.p) || (v.b && u.b !== v.b)) return false;
      if (v.r === "*") return u.r.length > 0;
      if (v.r === "-") return u.r.length === 0;
      return !v.r || u.r.indexOf(v.r) >= 0;
    }

    function apply() {
      var v = { q: words(f.q.value), c: f.c.value, p: f.p.value, b: f.b.value, r: f.r.value };
      var byUse = !!(v.p || v.b || v.r);
      var active = byUse || v.c || v.q.length > 0;
      if (v.q.length && !texts) {
        texts = items.map(function (it) { return fold(it.card.textContent); });
      }
      var shown = 0;
      items.forEach(function (it, i) {
        var ok = under(it.c, v.c) && v.q.every(function (w) { return texts[i].indexOf(w) >= 0; });
        var any = false;
        it.uses.forEach(function (u) {
          var m = !byUse || useMatches(u, v);
          u.li.hidden = ok && !m;
          any = any || m;
        });
        ok = ok && (any || !byUse);
        it.card.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (g) {
        var visible = g.querySelectorAll(".element-card:not([hidden])").length;
        var count = g.querySelector("h2 .count");
        if (count) {
          if (!count.hasAttribute("data-all")) count.setAttribute("data-all", count.textContent);
          count.textContent = active ? String(visible) : count.getAttribute("data-all");
        }
        g.hidden = active && visible === 0;
      });
      status.textContent = active
        ? fill(form.getAttribute("data-status"), null, { shown: shown, total: items.length })
        : "";
      if (none) none.hidden = shown > 0;
      if (window.history && history.replaceState) {
        var parts = ["q", "c", "p", "b", "r"].filter(function (k) { return f[k].value; })
          .map(function (k) { return k + "=" + encodeURIComponent(f[k].value); });
        history.replaceState(null, "", window.location.pathname + (parts.length ? "?" + parts.join("&") : "") + window.location.hash);
      }
    }

    var given = query();
    ["q", "c", "p", "b", "r"].forEach(function (k) {
      if (!given[k]) return;
      if (f[k].tagName === "SELECT") {
        var known = [].some.call(f[k].options, function (o) { return o.value === given[k]; });
        if (known) f[k].value = given[k];
      } else {
        f[k].value = given[k];
      }
    });
    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    if (Object.keys(given).length) apply();
  }

  // --- The search box: loads search-index.json on first use and lists matches --------------
  var LIMIT = 12;

  function initSearch(form) {
    var input = form.querySelector("input[type=search]");
    var root = form.getAttribute("data-root") || "";
    // The live status and the results panel are made here (a page without this script has no
    // use for them); a site's own layout may still carry them.
    var status = form.querySelector("[role=status]");
    if (!status) {
      status = el("p", "visually-hidden");
      status.id = (input.id || "site-q") + "-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      form.appendChild(status);
      input.setAttribute("aria-describedby", status.id);
    }
    var panel = form.querySelector(".search-results");
    if (!panel) {
      panel = el("div", "search-results");
      panel.hidden = true;
      form.appendChild(panel);
    }
    var text = {};
    var index = null;
    var loading = null;

    function build(data) {
      text = data.text || {};
      var cats = data.categories || [];
      var purs = data.purposes || [];
      var name = function (table, i) { return (table[i] || ["", ""])[1]; };
      var list = [];
      function add(kind, title, href, detail, extra) {
        list.push({ kind: kind, name: title, href: href, detail: detail,
          title: fold(title), hay: fold(title + " " + detail + " " + (extra || "")) });
      }
      // Each slug keeps the first e[0] characters of the one before and adds e[1].
      var slug = "";
      (data.elements || []).forEach(function (e) {
        slug = slug.slice(0, e[0]) + e[1];
        var purposes = (e[4] || []).map(function (i) { return name(purs, i); }).join(" · ");
        add(0, e[2], "data/" + slug + "/index.html", name(cats, e[3]), purposes);
      });
      (data.models || []).forEach(function (m) { add(1, m[1], "models/" + m[0] + "/index.html", m[2]); });
      (data.pages || []).forEach(function (p) { add(2, p[1], "pages/" + p[0] + "/index.html", ""); });
      purs.forEach(function (p) { add(3, p[1], "purposes/" + p[0] + "/index.html", ""); });
      cats.forEach(function (c) { add(4, c[1], "categories/" + c[0] + "/index.html", ""); });
      index = list;
      loadReasons(data.reasons || [], list);
    }

    // The elements' reasons come in shards after the names (elements are the first entries of
    // the list, in order); each found shard widens the search and refreshes open results.
    function loadReasons(files, list) {
      var at = 0;
      function next(i) {
        if (i >= files.length || /^[a-z]+:|^\/|\.\./i.test(files[i])) return;
        fetch(root + files[i])
          .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
          .then(function (reasons) {
            (reasons || []).forEach(function (text, j) {
              var it = list[at + j];
              if (it && it.kind === 0 && typeof text === "string") it.hay += " " + fold(text);
            });
            at += (reasons || []).length;
            if (input.value.trim()) render();
            next(i + 1);
          })
          .catch(function () { /* names alone still search */ });
      }
      next(0);
    }

    function load() {
      if (!loading && window.fetch) {
        loading = fetch(form.getAttribute("data-index") || root + "search-index.json")
          .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
          .then(build)
          .catch(function () { index = null; });
      }
      return loading;
    }

    function search(q) {
      var ws = words(q);
      var found = [];
      index.forEach(function (it, i) {
        if (!ws.every(function (w) { return it.hay.indexOf(w) >= 0; })) return;
        var inTitle = ws.every(function (w) { return it.title.indexOf(w) >= 0; });
        var score = inTitle ? (it.title.indexOf(ws[0]) === 0 ? 0 : 1) : 2;
        found.push({ it: it, score: score * 10 + it.kind, i: i });
      });
      found.sort(function (a, b) { return a.score - b.score || a.i - b.i; });
      return found;
    }

    function el(tag, cls, text) {
      var node = document.createElement(tag);
      if (cls) node.className = cls;
      if (text) node.textContent = text;
      return node;
    }

    function render() {
      var q = input.value.trim();
      panel.textContent = "";
      if (!q || !index) {
        panel.hidden = true;
        status.textContent = "";
        return;
      }
      var found = search(q);
      if (found.length) {
        var ul = el("ul");
        found.slice(0, LIMIT).forEach(function (f) {
          var li = el("li");
          var a = el("a");
          a.href = root + f.it.href;
          a.appendChild(el("span", "result-name", f.it.name));
          a.appendChild(el("span", "result-kind", (text.kinds || [])[f.it.kind] || ""));
          if (f.it.detail) a.appendChild(el("span", "result-detail", f.it.detail));
          li.appendChild(a);
          ul.appendChild(li);
        });
        panel.appendChild(ul);
      } else {
        panel.appendChild(el("p", "result-none", fill(text.none, null, { q: q })));
      }
      var all = el("a", "result-all", text.all);
      all.href = root + "data/index.html?q=" + encodeURIComponent(q);
      panel.appendChild(all);
      status.textContent = fill(text.count, found.length, {});
      panel.hidden = false;
    }

    if (!input.value && query().q) input.value = query().q;
    input.addEventListener("focus", load);
    input.addEventListener("input", function () {
      var p = load();
      if (!index && p) p.then(render); else render();
    });
    form.addEventListener("keydown", function (e) {
      var links = [].slice.call(panel.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (e.key === "Escape") {
        panel.hidden = true;
        input.focus();
      } else if (e.key === "ArrowDown" && !panel.hidden && links.length) {
        e.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (e.key === "ArrowUp" && at >= 0) {
        e.preventDefault();
        if (at === 0) input.focus(); else links[at - 1].focus();
      }
    });
    document.addEventListener("click", function (e) {
      if (!form.contains(e.target)) panel.hidden = true;
    });
  }

  // --- Printing: every details element prints open, then closes again --------------------
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [].filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  var filters = document.getElementById("filters");
  if (filters) initFilters(filters);
  [].forEach.call(document.querySelectorAll("form.site-search"), initSearch);
})();
