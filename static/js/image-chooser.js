// The image library's chooser, seen from the page that opens it.
//
// ImageChooser.open(url) opens the chooser (admin/images/image/chooser.html) in a popup, as the admin
// opens its related-object lookups, and resolves with the picture the editor chose there
// ({id, src, thumbnail, alt, caption, credit, title}) or null when another chooser replaces it.
// The body editor's picture button (js/prose-library-picture.js) and every lead-picture field
// ([data-image-chooser], images.widgets.ImageChooserWidget) use it.
"use strict";
(() => {
  if (window.ImageChooser) return;

  let pending = null;

  const open = (url) =>
    new Promise((resolve) => {
      if (pending) pending.resolve(null);
      const width = Math.min(1100, window.screen.availWidth);
      const height = Math.min(820, window.screen.availHeight);
      const popup = window.open(url, "image-chooser", `popup,width=${width},height=${height}`);
      if (!popup) {
        pending = null;
        resolve(null);
        return;
      }
      pending = { popup, resolve };
      popup.focus();
    });

  window.addEventListener("message", (event) => {
    if (event.origin !== window.location.origin || !pending || event.source !== pending.popup) return;
    if (!event.data || event.data.type !== "image-chooser:chosen") return;
    const { resolve } = pending;
    pending = null;
    resolve(event.data.image);
  });

  window.ImageChooser = { open };

  // --- A foreign key to a picture: thumbnail, "Choose", "Upload", "Remove" ---------------------------

  const show = (root, image) => {
    const input = root.querySelector("input[type=hidden]");
    const preview = root.querySelector(".image-chooser__preview");
    const choose = root.querySelector("[data-action=choose]");
    input.value = image ? image.id : "";
    input.dispatchEvent(new Event("change", { bubbles: true }));
    if (image) {
      let thumb = preview.querySelector("img");
      if (!thumb) {
        thumb = document.createElement("img");
        thumb.className = "image-chooser__thumb";
        thumb.alt = "";
        preview.prepend(thumb);
      }
      thumb.src = image.thumbnail;
      preview.querySelector(".image-chooser__caption").textContent = image.title;
      preview.querySelector(".image-chooser__credit").textContent = image.credit;
    }
    preview.hidden = !image;
    root.querySelector(".image-chooser__empty").hidden = !!image;
    root.querySelector("[data-action=remove]").hidden = !image;
    choose.textContent = image ? choose.dataset.labelChosen : choose.dataset.labelEmpty;
  };

  const bind = (root) => {
    root.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button) return;
      event.preventDefault();
      const action = button.dataset.action;
      if (action === "remove") {
        show(root, null);
        root.querySelector("[data-action=choose]").focus();
        return;
      }
      const url = action === "upload" ? root.dataset.uploadUrl : root.dataset.chooserUrl;
      open(url).then((image) => {
        if (!image) return;
        show(root, image);
        button.focus();
      });
    });
  };

  const start = () => {
    for (const root of document.querySelectorAll("[data-image-chooser]")) bind(root);
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
