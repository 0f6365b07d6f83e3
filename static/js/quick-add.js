// "Add “Ada Quill” as a new author": the choice the admin's autocomplete offers at the end of its list when
// nothing matches what was typed (core/admin.py). Choosing it creates the record with that name and selects it,
// without leaving the form; the rest of the record is filled in later, on its own page.
(() => {
  const $ = window.django && window.django.jQuery;
  if (!$) return;

  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function showError(select, message) {
    const container = select.nextElementSibling; // select2's box
    let note = select.parentElement.querySelector(".quick-add-error");
    if (!note) {
      note = document.createElement("p");
      note.className = "quick-add-error errornote";
      note.setAttribute("role", "alert");
      (container || select).insertAdjacentElement("afterend", note);
    }
    note.textContent = message;
  }

  $(document).on("select2:selecting", "select.admin-autocomplete", async (event) => {
    const choice = event.params.args.data;
    if (!choice.quick_add) return;
    event.preventDefault();
    const select = event.target;
    $(select).select2("close");
    const body = new FormData();
    body.append("term", choice.term);
    let answer = {};
    let response;
    try {
      response = await fetch(choice.quick_add, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      });
      answer = await response.json();
    } catch (error) {
      showError(select, "Could not add it: the site did not answer. Try again, or use the + button.");
      return;
    }
    if (!response.ok) {
      showError(select, answer.error || "Could not add it. Try again, or use the + button.");
      return;
    }
    const stale = select.parentElement.querySelector(".quick-add-error");
    if (stale) stale.remove();
    select.append(new Option(answer.text, answer.id, true, true));
    $(select).trigger("change");
  });
})();
