// The original's publication date, read from its address when the address carries one (…/2018/06/06/…,
// …/2018-06-06-…): typed in for the editor, who checks it, only while the date box is still empty.
(() => {
  const DATED = /(?:^|[\/_-])((?:19|20)\d\d)[\/_-]?(0[1-9]|1[0-2])[\/_-]?(0[1-9]|[12]\d|3[01])(?=$|[\/_.-])/;

  function dateIn(address) {
    let path;
    try {
      path = new URL(address.includes("://") ? address : `https://${address}`).pathname;
    } catch (error) {
      return null;
    }
    const found = DATED.exec(path);
    return found ? `${found[1]}-${found[2]}-${found[3]}` : null;
  }

  window.addEventListener("load", () => {
    const address = document.getElementById("id_original_url");
    const date = document.getElementById("id_original_published_on");
    if (!address || !date) return;
    address.addEventListener("change", () => {
      const found = !date.value && dateIn(address.value.trim());
      if (found) date.value = found;
    });
  });
})();
