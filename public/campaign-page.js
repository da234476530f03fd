// The only script of the light campaign page: the page cache serves campaign pages
// without React or the Next.js runtime (lib/light-page.ts), and this does, without a
// framework, what the page's client components do in the full app. Those components
// render their markup hidden until the browser says what works, so this only reveals it
// and wires it up:
// the Share… and Copy link buttons (components/share-actions.tsx), the line back to the
// thank-you page (components/signed-here.tsx) and the sign button's "Sending…"
// (sign-form.tsx; the form itself is a plain POST, which works without any script).
(function () {
  "use strict";

  function shareActions(box) {
    var d = box.dataset;
    var share = box.querySelector("[data-share]");
    var copy = box.querySelector("[data-copy]");
    var canShare = typeof navigator.share === "function";
    var canCopy = !!(navigator.clipboard && typeof navigator.clipboard.writeText === "function" && window.isSecureContext);
    if (canShare && share) {
      share.addEventListener("click", function () {
        // A cancelled share sheet rejects: nothing to do.
        navigator.share({ title: d.title, text: d.text, url: d.url }).catch(function () {});
      });
      share.hidden = false;
    }
    if (canCopy && copy) {
      var said = copy.querySelector("[aria-live]");
      var label = said.textContent;
      var timer;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(d.url).then(function () {
          said.textContent = d.copied;
          clearTimeout(timer);
          timer = setTimeout(function () { said.textContent = label; }, 2500);
        }, function () {
          // Refused (no permission): the link stays selectable by hand.
        });
      });
      if (canShare) copy.className = copy.dataset.secondClass;
      copy.hidden = false;
    }
    if (canShare || canCopy) box.hidden = false;
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
    line.querySelector("a").href = path;
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
