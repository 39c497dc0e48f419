// Package web embeds the browser front end: HTML templates and assets.
package web

import (
	"embed"
	"io/fs"
)

//go:embed templates
var files embed.FS

// Templates returns the HTML templates.
func Templates() fs.FS {
	sub, err := fs.Sub(files, "templates")
	if err != nil {
		panic(err) // the folder is embedded above; absence is a build bug
	}
	return sub
}
