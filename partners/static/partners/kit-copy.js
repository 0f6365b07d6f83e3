// The republication kit: a "Copy" button beside each code box, for partners who would otherwise select it by
// hand. Without JavaScript (or without the Clipboard API) the boxes are unchanged and the buttons never appear.
(() => {
  if (!navigator.clipboard) return;
  const status = document.getElementById("kit-copy-status");
  document.querySelectorAll("textarea[data-copy-label]").forEach((box) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "kit-copy";
    button.textContent = box.dataset.copyLabel;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(box.value);
        status.textContent = `${box.dataset.copyLabel}: copied.`;
        button.textContent = "Copied";  // where the partner is looking; the status line is for screen readers
        setTimeout(() => { button.textContent = box.dataset.copyLabel; }, 2000);
      } catch {
        box.select(); // the browser refused: leave it selected, for Ctrl+C
        status.textContent = "Your browser did not allow copying; the text is selected, press Ctrl+C (⌘C on a Mac).";
      }
    });
    box.insertAdjacentElement("afterend", button);
  });
})();
