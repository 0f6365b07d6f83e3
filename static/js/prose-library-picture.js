// A django-prose-editor extension (loaded through DJANGO_PROSE_EDITOR_EXTENSIONS): the toolbar's
// picture button opens the image library's chooser instead of asking for an address, and places the
// chosen picture as a figure that articles/embeds.py expands, on the page, into the library's
// responsive picture with its caption and credit. The image keeps the library id in data-file
// (the package's Image node stores it as its "file" attribute).
//
// Needs window.ImageChooser (js/image-chooser.js, in the article form's media).
import { Extension } from "django-prose-editor/editor"

export const LibraryPicture = Extension.create({
  name: "libraryPicture",

  addOptions() {
    return { chooserUrl: null }
  },

  addCommands() {
    return {
      insertLibraryPicture:
        (image) =>
        ({ chain }) => {
          const content = [
            { type: "image", attrs: { src: image.src, alt: image.alt, file: String(image.id) } },
          ]
          // What readers will see under it; the page takes both from the library record.
          const caption = [image.caption, image.credit].filter(Boolean).join(" — ")
          if (caption) content.push({ type: "caption", content: [{ type: "text", text: caption }] })
          return chain().focus().insertContent({ type: "figure", content }).run()
        },
    }
  },

  addMenuItems({ menu, buttons }) {
    const url = this.options.chooserUrl
    if (!url) return
    // Same name as the package's own figure item, so this one button replaces the one asking for a URL.
    menu.defineItem({
      name: "figure",
      groups: "nodes",
      button: buttons.material("image", "Picture from the library"),
      active: (editor) => editor.isActive("figure"),
      command(editor) {
        window.ImageChooser.open(url).then((image) => {
          if (image) editor.commands.insertLibraryPicture(image)
        })
      },
    })
  },
})
