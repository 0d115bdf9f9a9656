/* newsarchive: small progressive enhancements; every page works without this file. */
"use strict";

// Re-run the search when the sort order or the "hide copies" box changes.
document.querySelectorAll("[data-autosubmit]").forEach(function (control) {
  control.addEventListener("change", function () { control.form.submit(); });
});

// Official name type-ahead: asks /api/v1/officials?q=… and lists matching profiles as links
// (profile URL pattern and status text come from the page, in its language).
document.querySelectorAll("input[data-typeahead]").forEach(function (input) {
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var status = document.getElementById(input.getAttribute("aria-describedby"));
  var timer = null, controller = null;

  function show(officials) {
    list.replaceChildren();
    officials.slice(0, 10).forEach(function (official) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = input.dataset.profileUrl.replace("__id__", encodeURIComponent(official.id));
      link.textContent = official.name;
      var where = document.createElement("span");
      where.className = "muted";
      where.textContent = " " + official.province;
      link.appendChild(where);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = officials.length === 0;
    status.textContent = officials.length + " " + input.dataset.matches;
  }

  function lookup() {
    var q = input.value.trim();
    if (q.length < 2) { show([]); return; }
    if (controller) { controller.abort(); }
    controller = new AbortController();
    fetch(input.dataset.typeahead + "?q=" + encodeURIComponent(q), { signal: controller.signal })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(show)
      .catch(function () { /* aborted or offline: keep the form usable */ });
  }

  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(lookup, 150); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && !list.hidden) {
      event.preventDefault();
      list.querySelector("a").focus();
    }
  });
  list.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < links.length - 1) { event.preventDefault(); links[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    if (event.key === "Escape") { list.hidden = true; input.focus(); }
  });
});

// Charts: "PNG" draws the figure's SVG on a canvas (twice its size) and downloads it.
document.querySelectorAll("button[data-png]").forEach(function (button) {
  button.addEventListener("click", function () {
    var svg = document.getElementById(button.dataset.png).querySelector("svg");
    var width = svg.viewBox.baseVal.width, height = svg.viewBox.baseVal.height;
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = 2 * width;
      canvas.height = 2 * height;
      var context = canvas.getContext("2d");
      context.scale(2, 2);
      context.drawImage(image, 0, 0, width, height);
      var link = document.createElement("a");
      link.href = canvas.toDataURL("image/png");
      link.download = "newsarchive-" + button.dataset.png + ".png";
      document.body.appendChild(link);
      link.click();
      link.remove();
    };
    var text = new XMLSerializer().serializeToString(svg);
    image.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(text)));
  });
});

// A filter box inside long facets: keeps the values whose name contains what is typed (accents optional).
function folded(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
}
document.querySelectorAll("input[data-facet-filter]").forEach(function (input) {
  input.hidden = false;
  var items = input.closest(".facet").querySelectorAll("li");
  input.addEventListener("input", function () {
    var wanted = folded(input.value.trim());
    items.forEach(function (item) { item.hidden = wanted !== "" && folded(item.textContent).indexOf(wanted) < 0; });
  });
});

// On a phone the results come first and the filters open from a "Filters" button.
document.querySelectorAll("button.filters-button").forEach(function (button) {
  var facets = document.getElementById(button.getAttribute("aria-controls"));
  var narrow = window.matchMedia("(max-width: 50rem)");
  function layout() {
    button.hidden = !narrow.matches;
    facets.classList.toggle("collapsed", narrow.matches && button.getAttribute("aria-expanded") !== "true");
  }
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    layout();
    if (open) { facets.scrollIntoView(); }
  });
  narrow.addEventListener("change", layout);
  layout();
});

// Cite box: copy a citation to the clipboard.
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  var area = document.querySelector('textarea[data-citation="' + button.dataset.copy + '"]');
  if (!navigator.clipboard || !area) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(area.value).catch(function () { area.select(); });
  });
});
