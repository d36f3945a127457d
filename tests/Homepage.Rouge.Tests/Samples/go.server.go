// Package main serves the site.
package main

import (
	"fmt"
	"net/http"
)

/* Config holds
   the settings. */
type Config struct {
	Port  int    `json:"port"`
	Root  string // document root
	ratio float64
}

func (c *Config) Addr() string { return fmt.Sprintf(":%d", c.Port) }

func main() {
	cfg := &Config{Port: 4000, Root: "_site", ratio: 1.5e-3}
	x, y := 0x1F, 0755
	z := 3.14i + 2i
	r := 'a'
	esc := "tab\there \u00e9 \"quoted\""
	raw := `C:\raw\string`
	var ch = make(chan int, len(esc))
	go func() { ch <- x + y }()
	if v, ok := <-ch; ok && v != 0 {
		fmt.Println(v, z, r, raw, nil, true, iota)
	}
	http.Handle("/", http.FileServer(http.Dir(cfg.Root)))
	panic(http.ListenAndServe(cfg.Addr(), nil))
}
