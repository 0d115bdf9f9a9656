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
