// The only script of the light campaign page: the page cache serves campaign pages
// without React or the Next.js runtime (lib/light-page.ts), and this does, without a
// framework, what the page's client components do in the full app:
// the Share… and Copy link buttons (components/share-actions.tsx), the line back to the
// thank-you page (components/signed-here.tsx) and the sign button's "Sending…"
// (sign-form.tsx; the form itself is a plain POST, which works without any script).
// The server renders a hidden placeholder carrying the words each one needs.
(function () {
  "use strict";
  var svgNs = "http://www.w3.org/2000/svg";
  // lucide's Share2 and Copy, as the React buttons draw them.
  var icons = {
    share: [
      ["circle", { cx: 18, cy: 5, r: 3 }],
      ["circle", { cx: 6, cy: 12, r: 3 }],
      ["circle", { cx: 18, cy: 19, r: 3 }],
      ["line", { x1: 8.59, x2: 15.42, y1: 13.51, y2: 17.49 }],
      ["line", { x1: 15.41, x2: 8.59, y1: 6.51, y2: 10.49 }],
    ],
    copy: [
      ["rect", { width: 14, height: 14, x: 8, y: 8, rx: 2, ry: 2 }],
      ["path", { d: "M4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2" }],
    ],
  };
  var buttonClass = "inline-flex min-h-11 items-center gap-2 rounded bg-accent px-4 font-semibold text-white hover:bg-accent-hover";
  var secondClass = "inline-flex min-h-11 items-center gap-2 rounded border border-accent bg-white px-4 font-semibold text-accent hover:bg-accent-soft";

  function svg(name, parts) {
    var el = document.createElementNS(svgNs, name);
    for (var key in parts) el.setAttribute(key, String(parts[key]));
    return el;
  }

  function button(className, icon, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    var s = svg("svg", {
      xmlns: svgNs, width: 18, height: 18, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor",
      "stroke-width": 2, "stroke-linecap": "round", "stroke-linejoin": "round", "aria-hidden": "true",
      class: "lucide lucide-" + (icon === "share" ? "share-2" : "copy"),
    });
    icons[icon].forEach(function (node) { s.appendChild(svg(node[0], node[1])); });
    b.appendChild(s);
    b.appendChild(label);
    return b;
  }

  function shareActions(box) {
    var d = box.dataset;
    var canShare = typeof navigator.share === "function";
    var canCopy = !!(navigator.clipboard && typeof navigator.clipboard.writeText === "function" && window.isSecureContext);
    if (!canShare && !canCopy) return;
    if (canShare) {
      var share = button(buttonClass, "share", document.createTextNode(d.native));
      share.addEventListener("click", function () {
        // A cancelled share sheet rejects: nothing to do.
        navigator.share({ title: d.title, text: d.text, url: d.url }).catch(function () {});
      });
      box.appendChild(share);
    }
    if (canCopy) {
      var said = document.createElement("span");
      said.setAttribute("aria-live", "polite");
      said.textContent = d.copy;
      var timer;
      var copy = button(canShare ? secondClass : buttonClass, "copy", said);
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(d.url).then(function () {
          said.textContent = d.copied;
          clearTimeout(timer);
          timer = setTimeout(function () { said.textContent = d.copy; }, 2500);
        }, function () {
          // Refused (no permission): the link stays selectable by hand.
        });
      });
      box.appendChild(copy);
    }
    box.className = "mt-3 flex flex-wrap gap-2";
    box.hidden = false;
  }

  function signedHere(line) {
    var path = null;
    try {
      path = localStorage.getItem("cut-ties:signed:" + line.dataset.signedHere);
    } catch {
      // Storage refused (private mode): the page simply shows the form.
    }
    // Only a path of this site, never an address someone could plant.
    if (!path || !/^\/[^/\\]/.test(path)) return;
    var link = document.createElement("a");
    link.href = path;
    link.className = "underline";
    link.textContent = line.dataset.link;
    line.setAttribute("role", "status");
    line.className = "mb-4 rounded-lg border border-success bg-success-soft p-3 font-medium text-success";
    line.appendChild(document.createTextNode(line.dataset.text + " "));
    line.appendChild(link);
    line.hidden = false;
  }

  function pendingButton(form) {
    var b = form.querySelector("button[data-submitting]");
    if (!b) return;
    var label = b.textContent;
    form.addEventListener("submit", function () {
      // The post is on its way: no second one, and say so.
      b.disabled = true;
      b.textContent = b.dataset.submitting;
    });
    // Back to this page from the browser's history: the button works again.
    window.addEventListener("pageshow", function () {
      b.disabled = false;
      b.textContent = label;
    });
  }

  document.querySelectorAll("[data-share-actions]").forEach(shareActions);
  document.querySelectorAll("[data-signed-here]").forEach(signedHere);
  document.querySelectorAll("form").forEach(pendingButton);
})();
