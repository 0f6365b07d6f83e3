// The image chooser's library tab: its upload form shows only the file box until a file is chosen, then asks
// for the alt text, caption and credit (required) and puts the cursor in the first. Without this script the
// whole form shows.
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form[data-details-after-file]")) {
    const details = form.querySelector("[data-details]");
    const file = form.querySelector("input[type=file]");
    if (!details || !file) continue;
    details.hidden = !file.files.length;
    file.addEventListener("change", () => {
      details.hidden = !file.files.length;
      if (!details.hidden) details.querySelector("input, textarea").focus();
    });
  }
});
