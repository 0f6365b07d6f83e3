// The byline (the article form's authors inline): every row can be dragged by its handle or moved with the
// arrow buttons, including authors added before the article's first save. django-admin-sortable2 drags
// rows marked `has_original` and numbers their hidden `_reorder_` inputs; marking unsaved rows too lets
// it drag them. After any move every row is numbered 1, 2, 3… in page order; untouched rows keep their numbers, so
// a save without a move records no change to the byline.
(() => {
  const GROUP = "author_links-group";

  function rows(group) {
    return [...group.querySelectorAll("tbody tr.form-row:not(.empty-form)")];
  }

  function number(group) {
    rows(group).forEach((row, index) => {
      const input = row.querySelector("input._reorder_");
      if (input) input.value = String(index + 1);
    });
  }

  function mark(group) {
    // Rows Django just made (the extra row, "Add another Author") become draggable like saved ones.
    rows(group).forEach((row) => row.classList.add("has_original"));
  }

  function move(group, row, step) {
    const all = rows(group);
    const target = all[all.indexOf(row) + step];
    if (!target) return;
    target.insertAdjacentElement(step < 0 ? "beforebegin" : "afterend", row);
    number(group);
    row.querySelector(step < 0 ? ".byline-up" : ".byline-down").focus();
  }

  // On "load": after the admin's inlines script has given unsaved rows their delete buttons.
  window.addEventListener("load", () => {
    const group = document.getElementById(GROUP);
    if (!group) return;
    mark(group);
    group.addEventListener("click", (event) => {
      const button = event.target.closest(".byline-up, .byline-down");
      if (!button) return;
      move(group, button.closest("tr"), button.classList.contains("byline-up") ? -1 : 1);
    });
    // Choosing an author in the last row opens the next one, as a recipients box does: no "Add another" click.
    // The admin's autocomplete (select2) announces a choice through jQuery, so listen there.
    window.django.jQuery(group).on("change", "tr.form-row:not(.empty-form) select", (event) => {
      const all = rows(group);
      const add = group.querySelector(".add-row a");
      if (event.target.value && event.target.closest("tr") === all[all.length - 1] && add) add.click();
    });
    // After sortable2's own drag handler: number every row, not only the saved ones.
    group.addEventListener("drop", () => number(group));
    group.addEventListener("dragend", () => setTimeout(() => number(group)));
  });

  document.addEventListener("formset:added", (event) => {
    const group = document.getElementById(GROUP);
    if (group && group.contains(event.target)) mark(group);
  });
})();
