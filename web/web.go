// Package web embeds the browser front end: HTML templates and the static
// assets (app.css, and the bundle that `npm run build` writes to
// static/dist). app.css is committed so that static/ is never empty and
// go build works before the bundle is built; the page then loads without
// its script.
package web

import (
	"embed"
	"io/fs"
)

//go:embed templates static
var files embed.FS

// Templates returns the HTML templates.
func Templates() fs.FS {
	return sub("templates")
}

// Static returns the static assets, to be served under /static/.
func Static() fs.FS {
	return sub("static")
}

func sub(dir string) fs.FS {
	s, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the folder is embedded above; absence is a build bug
	}
	return s
}
