// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";
  // "/" focuses the search field of a list page (as in many web apps).
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
    if (event.key === "/" && !typing) {
      var search = document.querySelector("[data-search]");
      if (search) { event.preventDefault(); search.focus(); }
    }
  });
  // Move focus to the error summary after a failed submit, so keyboard and screen
  // reader users land on what needs fixing.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  // Character counters (templates/includes/field.html): the server shows the limit; here
  // it becomes a live "N of M characters left", announced politely while typing. The
  // field has no maxlength attribute, so a long paste is kept and the counter says how
  // much is too much (the server refuses it with the text kept).
  document.querySelectorAll("[data-counter-for]").forEach(function (counter) {
    var field = document.getElementById(counter.getAttribute("data-counter-for"));
    if (!field) { return; }
    var max = parseInt(field.getAttribute("data-maxlength"), 10);
    var left = counter.getAttribute("data-counter-text");
    var over = counter.getAttribute("data-counter-over");
    function update() {
      var length = field.value.length;
      var text = length <= max ? left.replace("{remaining}", max - length) : over.replace("{over}", length - max);
      counter.textContent = text.replace("{max}", max);
      counter.classList.toggle("over", length > max);
    }
    update();
    counter.setAttribute("aria-live", "polite");
    field.addEventListener("input", update);
  });
  // A table that scrolls sideways in its container (phone, tablet) and marks a current
  // column (the quarter shown, the last one of a trend) starts scrolled to that column.
  // A container that does scroll can be scrolled with the keyboard (focusable, named by
  // its table's caption or heading).
  function scrollable() {
    document.querySelectorAll(".utrecht-table-container").forEach(function (container) {
      var scrolls = container.scrollWidth > container.clientWidth + 1;
      if (scrolls && !container.hasAttribute("tabindex")) {
        container.setAttribute("tabindex", "0");
        container.setAttribute("data-scroll-focus", "");
        if (!container.hasAttribute("role")) { container.setAttribute("role", "region"); }
        var caption = container.querySelector("caption");
        if (!container.hasAttribute("aria-label") && !container.hasAttribute("aria-labelledby") && caption) {
          container.setAttribute("aria-label", caption.textContent.trim());
        }
      } else if (!scrolls && container.hasAttribute("data-scroll-focus")) {
        container.removeAttribute("tabindex");
        container.removeAttribute("data-scroll-focus");
      }
    });
  }
  scrollable();
  window.addEventListener("resize", scrollable);
  document.querySelectorAll(".utrecht-table-container").forEach(function (container) {
    var current = container.querySelector("th.current");
    if (!current || container.scrollWidth <= container.clientWidth) { return; }
    var right = current.offsetLeft + current.offsetWidth;
    if (right > container.clientWidth) { container.scrollLeft = right - container.clientWidth; }
  });
  // Buttons that ask for confirmation before submitting their form.
  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
})();
