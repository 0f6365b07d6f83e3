// The chooser's "chosen" page: hand the picture to the page that opened the popup, then close.
// Only a page of our own origin hears it (postMessage's target origin), as with the admin's own popups.
"use strict";
{
  const data = document.getElementById("chosen-image");
  const opener = window.opener;
  if (data && opener && !opener.closed) {
    opener.postMessage(
      { type: "image-chooser:chosen", image: JSON.parse(data.textContent) },
      window.location.origin,
    );
    window.close();
  }
}
