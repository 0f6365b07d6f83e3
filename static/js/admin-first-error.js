// After a failed save the admin reloads at the top of the page; bring the first field with an error into view
// and put the cursor in it. Runs on "load", after the admin's own scripts focus the first field of an add form.
window.addEventListener("load", () => {
  const form = document.querySelector("#content-main form");
  const first = form && form.querySelector("fieldset .errorlist, .inline-group .errorlist");
  if (!first) return;
  const place = first.closest(".form-row, .inline-group") || first;
  place.scrollIntoView({ block: "start" });
  const field = place.querySelector(
    "input:not([type=hidden]), select, textarea, [contenteditable=true]"
  );
  if (field) field.focus({ preventScroll: true });
});
